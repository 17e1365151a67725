//! The words the checks share: a pair of texts, a pod as a lesson names
//! it, and counted nouns in English (`1 time`, `2 lines`).

use crate::lessons::Bilingual;

/// The pair (Chinese, English).
pub(super) fn both(zh: String, en: String) -> Bilingual {
    Bilingual { zh, en }
}

/// `pod` in the lesson file's words: its name, or "the pod".
pub(super) fn pod_words(pod: &Option<String>) -> Bilingual {
    match pod {
        Some(name) => both(format!("Pod {name}"), format!("pod {name}")),
        None => both("Pod".to_string(), "the pod".to_string()),
    }
}

/// `1 time`, `2 times`.
pub(super) fn times(count: u32) -> String {
    if count == 1 {
        "1 time".to_string()
    } else {
        format!("{count} times")
    }
}

/// `1 line`, `2 lines`.
pub(super) fn lines(count: usize) -> String {
    if count == 1 {
        "1 line".to_string()
    } else {
        format!("{count} lines")
    }
}
