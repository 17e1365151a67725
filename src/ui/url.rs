//! What the page's address asks for: `?example=ID`, `?t=SECONDS`,
//! `?autoplay=1`, `?lang=zh|en`, `?theme=dark|light`. Anything missing or
//! malformed is simply not asked for.

use crate::i18n::Lang;

/// The page's query parameters, read once at start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// An example to open.
    pub example: Option<String>,
    /// A virtual time to start at, in seconds.
    pub t: Option<f64>,
    /// Start playing.
    pub autoplay: bool,
    /// A language.
    pub lang: Option<Lang>,
    /// A theme: `Some(true)` for dark.
    pub dark: Option<bool>,
}

/// Reads the query of the page's address.
pub fn query() -> Query {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return Query::default();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Query::default();
    };
    Query {
        example: params.get("example"),
        t: params
            .get("t")
            .and_then(|t| t.parse::<f64>().ok())
            .filter(|t| t.is_finite() && *t >= 0.0 && *t <= 86_400.0),
        autoplay: params.get("autoplay").as_deref() == Some("1"),
        lang: params.get("lang").map(|tag| Lang::from_tag(&tag)),
        dark: params.get("theme").map(|theme| theme == "dark"),
    }
}

/// What follows `#share=` in the page's address, if anything.
pub fn share_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix('#')?
        .strip_prefix(crate::share::FRAGMENT_KEY)
        .map(str::to_string)
}

/// The browser's preferred language.
pub fn browser_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map_or(Lang::Zh, |tag| Lang::from_tag(&tag))
}

/// Whether the system asks for a dark theme.
pub fn prefers_dark() -> bool {
    media_matches("(prefers-color-scheme: dark)")
}

/// Whether the system asks for less motion.
pub fn prefers_reduced_motion() -> bool {
    media_matches("(prefers-reduced-motion: reduce)")
}

fn media_matches(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|list| list.matches())
}
