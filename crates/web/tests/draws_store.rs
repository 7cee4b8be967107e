//! `landed draws update` against a local HTTP server (127.0.0.1 only, never the
//! internet): a good newer file replaces the local copy; truncated and hostile
//! files are rejected and the copy in use stays byte for byte.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;

use landed_rules::draws::Draws;
use landed_web::draws_store::{self, Origin, StoreError};

/// How the server answers one path.
#[derive(Clone)]
enum Reply {
    Ok(Vec<u8>),
    /// Announces the full length, sends `n` bytes, closes.
    CutShort(Vec<u8>, usize),
    Status(u16),
    /// Endless body without a length.
    Endless,
}

fn serve(routes: Vec<(&'static str, Reply)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let routes = routes.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                        break;
                    }
                }
                let reply = routes
                    .iter()
                    .find(|(p, _)| *p == path)
                    .map(|(_, r)| r.clone())
                    .unwrap_or(Reply::Status(404));
                let _ = match reply {
                    Reply::Ok(body) => stream
                        .write_all(format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len()).as_bytes())
                        .and_then(|()| stream.write_all(&body)),
                    Reply::CutShort(body, n) => stream
                        .write_all(format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len()).as_bytes())
                        .and_then(|()| stream.write_all(&body[..n])),
                    Reply::Status(code) => stream.write_all(
                        format!("HTTP/1.1 {code} Oops\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").as_bytes(),
                    ),
                    Reply::Endless => {
                        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n[");
                        let chunk = vec![b' '; 1 << 16];
                        while stream.write_all(&chunk).is_ok() {}
                        Ok(())
                    }
                };
                let _ = stream.flush();
                let mut sink = Vec::new();
                let _ = stream.shutdown(std::net::Shutdown::Write);
                let _ = stream.read_to_end(&mut sink);
            });
        }
    });
    format!("http://{addr}")
}

/// The embedded file with one more round, #438 on 2026-08-26.
fn newer() -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_str(Draws::embedded_json()).unwrap();
    let rounds = v["rounds"].as_array_mut().unwrap();
    let mut r = rounds[0].clone();
    r["drawNumber"] = "438".into();
    r["drawDate"] = "2026-08-26".into();
    r["drawName"] = "Canadian Experience Class".into();
    r["drawCRS"] = "515".into();
    rounds.insert(0, r);
    serde_json::to_vec(&v).unwrap()
}

/// `newer()` changed by `f`.
fn newer_with(f: impl FnOnce(&mut Vec<serde_json::Value>)) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_slice(&newer()).unwrap();
    f(v["rounds"].as_array_mut().unwrap());
    serde_json::to_vec(&v).unwrap()
}

fn dir_entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn good_then_truncated_and_hostile_files() {
    let good = newer();
    let html = b"<!doctype html><title>Sign in to the Wi-Fi</title>".to_vec();
    let half = good[..good.len() / 2].to_vec();
    let gap = newer_with(|r| r.retain(|x| x["drawNumber"] != "300"));
    let gone = newer_with(|r| r.retain(|x| x["drawNumber"] != "91a"));
    let bad_field = newer_with(|r| r[3]["drawCRS"] = "lots".into());
    let older = {
        let mut v: serde_json::Value = serde_json::from_str(Draws::embedded_json()).unwrap();
        v["rounds"].as_array_mut().unwrap().remove(0);
        serde_json::to_vec(&v).unwrap()
    };
    let mut not_utf8 = good.clone();
    not_utf8[10] = 0xff;
    let base = serve(vec![
        ("/good.json", Reply::Ok(good.clone())),
        ("/half.json", Reply::Ok(half)),
        ("/cut.json", Reply::CutShort(good.clone(), good.len() / 3)),
        ("/html", Reply::Ok(html)),
        ("/gap.json", Reply::Ok(gap)),
        ("/gone.json", Reply::Ok(gone)),
        ("/field.json", Reply::Ok(bad_field)),
        ("/older.json", Reply::Ok(older)),
        ("/binary.json", Reply::Ok(not_utf8)),
        ("/error", Reply::Status(500)),
        ("/endless", Reply::Endless),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("ee_rounds_123_en.json");

    // A good, newer file: written, and in use.
    let u = draws_store::update(&Origin::parse(&format!("{base}/good.json")), &path).unwrap();
    assert!(u.written);
    assert_eq!((u.rounds, u.added), (439, 1));
    assert_eq!(u.data_as_of.to_string(), "2026-08-26");
    assert_eq!(u.previous.to_string(), "2026-08-19");
    assert_eq!(std::fs::read(&path).unwrap(), good);
    assert_eq!(draws_store::current().data_as_of.to_string(), "2026-08-26");
    // The same again: nothing to write.
    let again = draws_store::update(&Origin::parse(&format!("{base}/good.json")), &path).unwrap();
    assert!(!again.written);

    let listing = dir_entries(path.parent().unwrap());
    for (what, expect) in [
        ("/half.json", "not the rounds JSON"),
        ("/cut.json", "cannot download"),
        ("/html", "not the rounds JSON"),
        ("/gap.json", "round numbers have a gap: 300 is missing"),
        (
            "/gone.json",
            "round 91a is in the copy in use but not in the new file",
        ),
        ("/field.json", "drawCRS: `lots` is not a CRS score"),
        ("/older.json", "before the copy in use (2026-08-26)"),
        ("/binary.json", "not UTF-8"),
        ("/error", "500"),
        ("/endless", "larger than"),
        ("/missing", "404"),
    ] {
        let e = draws_store::update(&Origin::parse(&format!("{base}{what}")), &path).unwrap_err();
        assert!(e.to_string().contains(expect), "{what}: {e}");
        // The copy in use stays, byte for byte, with no temporary file left.
        assert_eq!(std::fs::read(&path).unwrap(), good, "{what}");
        assert_eq!(dir_entries(path.parent().unwrap()), listing, "{what}");
        assert_eq!(draws_store::current().rounds.len(), 439, "{what}");
    }

    // From a file too.
    let file = dir.path().join("download.json");
    std::fs::write(&file, b"{\"rounds\": [").unwrap();
    let e = draws_store::update(&Origin::File(file), &path).unwrap_err();
    assert!(matches!(e, StoreError::Invalid(_)), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), good);

    // Startup: the local copy is newer than the embedded one, so it is used;
    // a broken local copy is ignored with a warning and the embedded one is used.
    let (d, warning) = draws_store::init(Some(&path));
    assert_eq!((d.rounds.len(), warning), (439, None));
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, &good[..100]).unwrap();
    let (d, warning) = draws_store::init(Some(&broken));
    assert_eq!(d.data_as_of.to_string(), "2026-08-19");
    assert!(warning.unwrap().contains("is not used"));
    // No local copy at all: the embedded one.
    let (d, warning) = draws_store::init(Some(&dir.path().join("none.json")));
    assert_eq!((d.rounds.len(), warning), (438, None));
}
