//! The planning commands read their input whole (a profile, a JSON array or
//! JSON Lines; small), unlike the streaming batch of `crs`/`assess`.

use std::io::Read;
use std::path::Path;

/// The whole text of `path` (`-`: standard input); on failure the error is
/// printed and `None` returned (the caller exits 2).
pub fn read(path: &Path) -> Option<String> {
    let mut text = String::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut text)
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_string(&mut text))
    };
    match read {
        Ok(_) => Some(text),
        Err(e) => {
            eprintln!("landed: cannot read {}: {e}", path.display());
            None
        }
    }
}
