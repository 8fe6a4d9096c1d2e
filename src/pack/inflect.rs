//! Regular English verb inflection, so lexicons list lemmas only. Irregular forms
//! come from the rule files; when a lemma has them, no regular past form is made.

/// The forms of a verb lemma: base, third person singular, past, and -ing form.
/// For a phrasal lemma ("point out") only the first word inflects.
pub fn verb_forms(lemma: &str, irregular: &[String]) -> Vec<String> {
    let (head, rest) = match lemma.split_once(' ') {
        Some((h, r)) => (h, Some(r)),
        None => (lemma, None),
    };
    let mut heads = vec![head.to_string(), third_person(head), ing(head)];
    if irregular.is_empty() {
        heads.push(past(head));
    }
    let mut out: Vec<String> = heads
        .into_iter()
        .map(|h| match rest {
            Some(r) => format!("{h} {r}"),
            None => h,
        })
        .collect();
    out.extend(irregular.iter().cloned());
    out.sort();
    out.dedup();
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn third_person(w: &str) -> String {
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        format!("{w}es")
    } else if let Some(stem) = consonant_y(w) {
        format!("{stem}ies")
    } else if w.ends_with('o') && !w.ends_with("oo") {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

fn past(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if let Some(stem) = consonant_y(w) {
        format!("{stem}ied")
    } else if doubles(w) {
        let last = w.chars().last().unwrap_or_default();
        format!("{w}{last}ed")
    } else {
        format!("{w}ed")
    }
}

fn ing(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if w.ends_with('e')
        && !w.ends_with("ee")
        && !w.ends_with("ye")
        && !w.ends_with("oe")
        && w.len() > 2
    {
        format!("{}ing", &w[..w.len() - 1])
    } else if doubles(w) {
        let last = w.chars().last().unwrap_or_default();
        format!("{w}{last}ing")
    } else {
        format!("{w}ing")
    }
}

/// "deny" -> Some("den"); "say" -> None.
fn consonant_y(w: &str) -> Option<&str> {
    let stem = w.strip_suffix('y')?;
    let prev = stem.chars().last()?;
    (!is_vowel(prev)).then_some(stem)
}

/// One-syllable consonant-vowel-consonant verbs double their last letter: stop, plan.
fn doubles(w: &str) -> bool {
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    if n < 3 {
        return false;
    }
    let (a, b, c) = (chars[n - 3], chars[n - 2], chars[n - 1]);
    let vowel_groups = chars
        .iter()
        .enumerate()
        .filter(|(i, ch)| is_vowel(**ch) && (*i == 0 || !is_vowel(chars[i - 1])))
        .count();
    vowel_groups == 1
        && !is_vowel(a)
        && is_vowel(b)
        && !is_vowel(c)
        && !matches!(c, 'w' | 'x' | 'y')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_forms() {
        assert_eq!(
            verb_forms("deny", &[]),
            ["denied", "denies", "deny", "denying"]
        );
        assert_eq!(
            verb_forms("emphasise", &[]),
            ["emphasise", "emphasised", "emphasises", "emphasising"]
        );
        assert_eq!(
            verb_forms("stress", &[]),
            ["stress", "stressed", "stresses", "stressing"]
        );
        assert_eq!(
            verb_forms("plan", &[]),
            ["plan", "planned", "planning", "plans"]
        );
        assert_eq!(
            verb_forms("say", &["said".into()]),
            ["said", "say", "saying", "says"]
        );
        assert_eq!(
            verb_forms("echo", &[]),
            ["echo", "echoed", "echoes", "echoing"]
        );
        assert_eq!(
            verb_forms("visit", &[]),
            ["visit", "visited", "visiting", "visits"]
        );
    }

    #[test]
    fn phrasal_verbs_keep_their_particle() {
        assert_eq!(
            verb_forms("point out", &[]),
            ["point out", "pointed out", "pointing out", "points out"]
        );
    }
}
