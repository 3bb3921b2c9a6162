//! The one door to standard output and standard error for what is printed outside the
//! terminal screens: every byte is escaped on its way (see [`crate::escape`]), and a
//! reader that has gone away is not an error.

use std::io::Write;

/// Write `text` to standard output, escaped; a closed pipe (`| head`) is not an error.
pub fn print(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let text = crate::escape::shown(text);
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Write a line to standard error, escaped. A message that cannot be written (standard
/// error closed, or a pipe whose reader has gone) is dropped: it must not stop the
/// program or change its exit code.
pub fn say_err(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", crate::escape::shown(line));
}
