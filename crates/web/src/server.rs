//! The accept loop: HTTP/1.1 on hyper with the connection-level limits axum's `serve` does
//! not offer — a cap on open connections (a connection over the cap is closed at once, so
//! the listen queue never fills and `/health` keeps answering), a timeout for receiving a
//! request's headers that also bounds the idle time between requests on a kept-alive
//! connection (hyper starts it whenever it waits for a request head), a bound on the header
//! buffer, and a graceful shutdown that lets requests in flight finish.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::config::Settings;

/// Largest request head (request line and headers) buffered, in bytes: results addresses
/// carry a packed profile, so a few tens of kilobytes; beyond it the request gets 431.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;

/// How long a shutdown waits for requests in flight.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// The connection-level limits.
#[derive(Debug, Clone, Copy)]
pub struct Edge {
    pub max_connections: usize,
    pub header_timeout: Duration,
}

impl Edge {
    pub fn from_settings(s: &Settings) -> Edge {
        Edge {
            max_connections: s.max_connections.max(1),
            header_timeout: Duration::from_secs(s.header_timeout_secs.max(1)),
        }
    }
}

/// Serve `router` on `listener` until `shutdown` resolves, then wait (up to 30 s) for
/// connections to finish their requests.
pub async fn run(
    listener: TcpListener,
    router: Router,
    edge: Edge,
    shutdown: impl Future<Output = ()> + Send,
) {
    let slots = Arc::new(Semaphore::new(edge.max_connections));
    let graceful = GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(edge.header_timeout)
        .max_buf_size(MAX_HEADER_BYTES)
        .keep_alive(true);
    let mut refused_since_log: u64 = 0;
    let mut log_tick = tokio::time::interval(Duration::from_secs(60));
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(a) => a,
                    Err(e) => {
                        // EMFILE/ENFILE and friends: wait a little instead of spinning.
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let Ok(slot) = slots.clone().try_acquire_owned() else {
                    refused_since_log += 1;
                    drop(stream);
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let svc = router.clone().map_request(move |mut req: axum::http::Request<Incoming>| {
                    req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
                    req
                });
                let conn = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(svc));
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    // Errors here are the client's (reset, timeout, bad request head).
                    let _ = conn.await;
                    drop(slot);
                });
            }
            _ = log_tick.tick() => {
                if refused_since_log > 0 {
                    tracing::warn!(
                        refused = refused_since_log,
                        max_connections = edge.max_connections,
                        "connections closed at once: the connection cap was reached"
                    );
                    refused_since_log = 0;
                }
            }
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("shutdown: some connections were still open after 30 s");
    }
}
