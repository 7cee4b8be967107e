//! CEC's numbers, one version of `data/programs/cec_minimums.toml` (loaded by
//! `cec::cec_minimums`). A leaf: the checks read them and the sentences name them.

/// The hours, the window, the weekly cap and the CLB level by TEER.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CecMinimums {
    pub experience_hours: u32,
    pub window_years: i16,
    pub weekly_cap_hours: u32,
    pub clb_teer_0_1: u8,
    pub clb_teer_2_3: u8,
}
