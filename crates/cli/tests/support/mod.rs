//! Helpers for the tests that run the real `landed serve` process: start and SIGKILL it, a
//! minimal HTTP/1.1 client (loopback only), and fresh PostgreSQL databases.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const SECRET: &str = "durability test secret";

/// A free port on 127.0.0.1 (bound then released).
pub fn free_addr() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
}

/// A config file for the tests: no minimum fill time, a per-IP limit that a load from one
/// address never reaches.
pub fn config_file(dir: &Path) -> PathBuf {
    let path = dir.join("landed.toml");
    std::fs::write(
        &path,
        "min_fill_secs = 0\nquestions_per_ip_per_hour = 1000000\nquestions_per_browser_per_hour = 1000000\n",
    )
    .unwrap();
    path
}

/// A running `landed serve`.
pub struct Server {
    pub addr: SocketAddr,
    child: Child,
    log: PathBuf,
}

impl Server {
    /// Start `landed serve` on `addr` with `database` and wait until `/health` answers.
    pub fn start(addr: SocketAddr, database: &str, dir: &Path) -> Server {
        let log = dir.join(format!("serve-{}.log", addr.port()));
        let out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_landed"))
            .args(["serve", "--addr", &addr.to_string(), "--database", database])
            .args(["--secret", SECRET])
            .arg("--config")
            .arg(config_file(dir))
            .env_remove("DATABASE_URL")
            .env("RUST_LOG", "warn")
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .expect("start landed serve");
        let mut server = Server { addr, child, log };
        server.wait_ready();
        server
    }

    fn wait_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if get(self.addr, "/health", &[]).is_ok_and(|r| r.status == 200) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "landed serve exited ({status}) before answering:\n{}",
                    std::fs::read_to_string(&self.log).unwrap_or_default()
                );
            }
            assert!(
                Instant::now() < deadline,
                "landed serve did not answer /health within 60 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// SIGKILL: no graceful shutdown, no flush, nothing.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The value of the hidden input `name`.
    pub fn hidden(&self, name: &str) -> Option<String> {
        let needle = format!("name=\"{name}\" value=\"");
        let start = self.body.find(&needle)? + needle.len();
        let end = self.body[start..].find('"')? + start;
        Some(
            self.body[start..end]
                .replace("&#43;", "+")
                .replace("&#61;", "=")
                .replace("&#x2B;", "+")
                .replace("&#x3D;", "="),
        )
    }

    /// `name=value` of the first `Set-Cookie`.
    pub fn cookie(&self) -> Option<String> {
        let c = self.header("set-cookie")?;
        Some(c.split(';').next()?.to_string())
    }
}

/// One request on a fresh connection (`Connection: close`), 10 s timeouts.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> std::io::Result<Resp> {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    s.set_write_timeout(Some(Duration::from_secs(10)))?;
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if method == "POST" {
        req.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
        req.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes())?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("incomplete response"))?;
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| std::io::Error::other("bad status line"))?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Ok(Resp {
        status,
        headers,
        body: body.to_string(),
    })
}

pub fn get(addr: SocketAddr, path: &str, headers: &[(&str, &str)]) -> std::io::Result<Resp> {
    request(addr, "GET", path, headers, "")
}

pub fn post(
    addr: SocketAddr,
    path: &str,
    headers: &[(&str, &str)],
    pairs: &[(&str, &str)],
) -> std::io::Result<Resp> {
    request(addr, "POST", path, headers, &encode(pairs))
}

pub fn encode(pairs: &[(&str, &str)]) -> String {
    let enc = |s: &str| {
        let mut out = String::new();
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    };
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Send one question through the public form (GET the form, POST it). `Ok(Some(reference))`
/// when the server acknowledged it (303 to the confirmation with the reference).
pub fn send_question(
    addr: SocketAddr,
    name: &str,
    message: &str,
) -> std::io::Result<Option<String>> {
    let form = get(addr, "/en/questions/new", &[])?;
    let Some(token) = form.hidden("form_token") else {
        return Ok(None);
    };
    let res = post(
        addr,
        "/en/questions/new",
        &[],
        &[
            ("name", name),
            ("email", "durable@example.ca"),
            ("topic", "cec"),
            ("message", message),
            ("preferred_language", "en"),
            ("consent", "yes"),
            ("website", ""),
            ("form_token", &token),
        ],
    )?;
    if res.status != 303 {
        return Ok(None);
    }
    Ok(res
        .header("location")
        .and_then(|l| l.split("ref=").nth(1))
        .map(|r| r.split('&').next().unwrap_or(r).to_string()))
}

/// A fresh PostgreSQL database for one test, dropped at the end. A panic when
/// `LANDED_TEST_POSTGRES_URL` is unset or the server does not answer: the tests that use it
/// are `#[ignore]`d and `.ci/run` runs them.
pub struct PgDb {
    pub url: String,
    admin_url: String,
    name: String,
}

impl PgDb {
    pub fn create(rt: &tokio::runtime::Runtime, test: &str) -> PgDb {
        let admin_url = std::env::var("LANDED_TEST_POSTGRES_URL").unwrap_or_else(|_| {
            panic!("{test}: LANDED_TEST_POSTGRES_URL must name a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/test)")
        });
        let mut rnd = [0u8; 6];
        getrandom::getrandom(&mut rnd).unwrap();
        let name = format!(
            "landed_test_{}",
            rnd.iter().map(|b| format!("{b:02x}")).collect::<String>()
        );
        rt.block_on(async {
            let admin = sqlx::PgPool::connect(&admin_url).await.unwrap_or_else(|e| {
                panic!("LANDED_TEST_POSTGRES_URL is set but the server does not answer: {e}")
            });
            sqlx::query(&format!("create database {name}"))
                .execute(&admin)
                .await
                .unwrap();
            admin.close().await;
        });
        let url = with_database(&admin_url, &name);
        PgDb {
            url,
            admin_url,
            name,
        }
    }

    pub fn drop_with(self, rt: &tokio::runtime::Runtime) {
        rt.block_on(async {
            let admin = sqlx::PgPool::connect(&self.admin_url).await.unwrap();
            sqlx::query(&format!(
                "drop database if exists {} with (force)",
                self.name
            ))
            .execute(&admin)
            .await
            .unwrap();
            admin.close().await;
        });
    }
}

/// `url` with its database name replaced by `db`.
fn with_database(url: &str, db: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let start = base.find("://").map_or(0, |i| i + 3);
    let path = base[start..].find('/').map_or(base.len(), |i| start + i);
    match query {
        Some(q) => format!("{}/{db}?{q}", &base[..path]),
        None => format!("{}/{db}", &base[..path]),
    }
}

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}
