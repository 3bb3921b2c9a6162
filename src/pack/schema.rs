//! The JSON Schema of the pack file format, for editors with a YAML language server:
//! derived from the raw format ([`super::raw`]), whose doc comments are its descriptions
//! (`hirewiz schema`, kept in the repository as `assets/pack.schema.json`).
//!
//! The schema sees one file at a time, so what needs the whole pack (ids that exist, at
//! least two candidates, a default that is one of its question's options) is left to
//! `hirewiz check`.

/// The schema as pretty-printed JSON, ending with a line break.
pub fn json() -> String {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<super::raw::PackFile>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
