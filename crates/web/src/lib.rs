//! HTTP for landed: pages, JSON API, staff inbox.
