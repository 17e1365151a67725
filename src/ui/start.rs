//! What the page opens with: a share link in the address, else the
//! learner's saved run, else the example (or `&yaml=`) the address names or
//! the one saved last, at the time `?t=` asks for, playing if `?autoplay=1`.

use super::embed;
use super::state::Page;
use super::storage;
use super::url;
use crate::examples::{example, EXAMPLES};
use crate::i18n::Text;
use crate::share::Shared;

/// The first state: the example or saved text the address and storage ask
/// for, at the time `?t=` asks for, playing if `?autoplay=1` (the engine is
/// asked for it at once; it answers once it has loaded).
pub fn first_page() -> Page {
    let query = url::query();
    let embed = embed::query();
    let lang = query.lang.unwrap_or_else(url::browser_lang);
    let dark = query.dark.unwrap_or_else(url::prefers_dark);
    // A share link wins over everything else; a refused one says why.
    let mut notice = None;
    if let Some(fragment) = url::share_fragment() {
        match Shared::from_fragment(&fragment) {
            Ok(shared) => return Page::from_shared(&shared, fragment, lang, dark),
            Err(error) => notice = Some(format!("{}{error}", Text::ShareRefused.get(lang))),
        }
    }
    // Else the learner's own run, as it was left (unless the address names
    // an example or gives YAML). The text is saved at once when the page is
    // hidden, the whole run only a moment after typing stops: a run whose
    // text is not the saved text is older than it, and the text wins.
    if query.example.is_none() && embed.yaml.is_none() {
        let saved_text = storage::load().map(|(_, yaml)| yaml);
        if let Some((fragment, shared)) = storage::load_session()
            .and_then(|f| Shared::from_fragment(&f).ok().map(|shared| (f, shared)))
            .filter(|(_, shared)| saved_text.as_deref().is_none_or(|text| text == shared.yaml))
        {
            let mut page = Page::from_shared(&shared, fragment, lang, dark);
            page.from_link = false;
            page.notice = notice;
            return page;
        }
    }
    let (example_id, yaml) = match query.example.as_deref().and_then(example) {
        Some(found) => (found.id.to_string(), found.yaml.to_string()),
        None => storage::load()
            .unwrap_or_else(|| (EXAMPLES[0].id.to_string(), EXAMPLES[0].yaml.to_string())),
    };
    let yaml = embed.yaml.clone().unwrap_or(yaml);
    let millis = query.t.map(|seconds| (seconds * 1000.0) as u64);
    let mut page = Page::new(&example_id, yaml, millis, query.autoplay, lang, dark);
    page.notice = notice;
    page
}
