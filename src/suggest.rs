//! The one "did you mean" helper, for every unknown name a file gives: a field, an id,
//! an option. It sits below both the YAML reader and the diagnostics that use it.

/// A "did you mean" suggestion: the closest of `known` to `given`, when close enough.
pub fn suggest<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(given, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| format!("did you mean `{k}`?"))
}
