#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| hirewiz::fuzzing::yaml_tree(data));
