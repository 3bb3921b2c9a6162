//! The JSON Schema of the pack file format, for editors with a YAML language server:
//! derived from the raw format ([`super::raw`]), whose doc comments are its descriptions
//! (`hirewiz schema`, kept in the repository as `assets/pack.schema.json`).
//!
//! The schema sees one file at a time, so what needs the whole pack (ids that exist, at
//! least two candidates, a default that is one of its question's options) is left to
//! `hirewiz check`.

use schemars::Schema;
use serde_json::{Map, Value};

/// The schema as pretty-printed JSON, ending with a line break.
pub fn json() -> String {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<super::raw::PackFile>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// For a struct that holds an enum tagged by one of its fields (a question and its
/// `kind`): every variant lists every field, since in draft-07 `additionalProperties`
/// sees only the properties written beside it.
pub fn whole_variants(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    let Some(Value::Array(variants)) = obj.remove("oneOf") else {
        return;
    };
    let properties = obj.remove("properties");
    let required = obj.remove("required");
    obj.remove("additionalProperties");
    let whole = variants.into_iter().map(|mut v| {
        if let Value::Object(variant) = &mut v {
            let mut props = match &properties {
                Some(Value::Object(p)) => p.clone(),
                _ => Map::new(),
            };
            if let Some(Value::Object(own)) = variant.remove("properties") {
                props.extend(own);
            }
            variant.insert("properties".into(), Value::Object(props));
            let mut req = match &required {
                Some(Value::Array(r)) => r.clone(),
                _ => Vec::new(),
            };
            if let Some(Value::Array(own)) = variant.remove("required") {
                req.extend(own);
            }
            variant.insert("required".into(), Value::Array(req));
            variant.insert("additionalProperties".into(), Value::Bool(false));
        }
        v
    });
    obj.insert("oneOf".into(), Value::Array(whole.collect()));
}
