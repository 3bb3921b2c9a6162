#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| hirewiz::fuzzing::session_round_trip(data));
