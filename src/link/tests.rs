//! Given claims against short texts: relatedness, each cue family (refutations,
//! denials, negation scope, hedges, qualifiers, factive cues) and each label.

use std::sync::OnceLock;

use crate::model::Label;
use crate::pipeline::Engine;
use crate::text::Document;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::builtin().expect("built-in rules compile"))
}

/// The label and deciding rule for `claim` checked against the documents.
fn check(claim: &str, texts: &[&str]) -> (Label, String) {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("doc{i}"), *t))
        .collect();
    let checked = engine().check(docs, Some(claim), false);
    let v = &checked.verdicts[0];
    (v.label, v.rule.clone().unwrap_or_default())
}

fn label(claim: &str, text: &str) -> Label {
    check(claim, &[text]).0
}

const ARREST: &str = "Banksy was arrested in London";

// Relatedness.

#[test]
fn a_text_about_something_else_is_unrelated() {
    assert_eq!(
        check(
            ARREST,
            &["The mayor of Springfield resigned over a parking scandal."]
        ),
        (Label::Unrelated, "unrelated".into())
    );
}

#[test]
fn stems_synonyms_and_numbers_relate() {
    // "photographed"/"photo", "50-foot"/"50ft", "U.K."/"Britain".
    assert_ne!(
        label(
            "A 50-foot crab was photographed in the U.K.",
            "50ft crab photographed off the coast of Britain"
        ),
        Label::Unrelated
    );
}

#[test]
fn a_shared_word_counts_less_in_a_long_text() {
    // One word of the claim ("arrested") in a headline relates it; the same word
    // deep in a long article about something else is chance.
    assert_ne!(label(ARREST, "Artist arrested"), Label::Unrelated);
    let body = "The city council met on Monday to review the budget. \
        Spending on roads rose by a tenth, the finance committee said. \
        Residents complained that bus fares had doubled since the spring. \
        The mayor promised a review of parking charges before the election. \
        Teachers asked for more money for school repairs and books. \
        A man who disrupted the meeting was arrested and later released. \
        Councillors will vote on the plan in March after a public consultation. \
        Shops in the high street reported fewer customers this winter. \
        Farmers nearby worried about flooding along the river valley. \
        Hospital managers warned that waiting lists would grow longer. \
        Engineers inspected the old bridge and found cracks in its pillars. \
        A local charity opened a food bank in the former library building. \
        Cyclists demanded safer lanes after several accidents near the station. \
        The football club announced plans for a larger stadium by the canal. \
        Volunteers planted trees in the park to mark the anniversary.";
    assert_eq!(label(ARREST, body), Label::Unrelated);
}

// The outlet's own voice against attribution and hedges.

#[test]
fn the_outlet_stating_the_claim_confirms_it() {
    assert_eq!(
        check(ARREST, &["Banksy arrested in London"]),
        (Label::Confirmed, "stated-by-outlet".into())
    );
}

#[test]
fn attributing_the_claim_only_reports_it() {
    assert_eq!(
        label(ARREST, "Police say Banksy was arrested in London"),
        Label::Unconfirmed
    );
}

#[test]
fn hedges_and_question_headlines_only_report() {
    assert_eq!(
        label(ARREST, "Banksy reportedly arrested in London"),
        Label::Unconfirmed
    );
    assert_eq!(
        label(ARREST, "Was Banksy arrested in London?"),
        Label::Unconfirmed
    );
    assert_eq!(
        label(
            ARREST,
            "Unconfirmed reports say Banksy was arrested in London"
        ),
        Label::Unconfirmed
    );
}

#[test]
fn a_capitalised_hedge_after_a_preposition_still_hedges() {
    // "in May" is a month, but "For Reportedly" in a title-case headline is the adverb.
    assert_eq!(
        label(
            "Kevin Vickers shot the gunman",
            "Kevin Vickers Hailed As Hero For Reportedly Shooting Gunman Inside Parliament"
        ),
        Label::Unconfirmed
    );
    assert_eq!(
        label(ARREST, "Banksy Arrested In London In May"),
        Label::Confirmed
    );
}

#[test]
fn a_headline_label_before_a_colon_is_no_speaker() {
    // "Urgent:" labels the story; "Congressman:" would be a speaker.
    assert_eq!(
        check(ARREST, &["URGENT: Banksy arrested in London"]),
        (Label::Confirmed, "stated-by-outlet".into())
    );
    assert_eq!(
        label(ARREST, "Shocking: Banksy Arrested In London"),
        Label::Confirmed
    );
}

#[test]
fn forecasts_and_casting_talk_only_report() {
    const PRICE: &str = "The Apple Watch will cost 349 dollars";
    assert_eq!(
        label(PRICE, "Citi sees Apple Watch price at 349 dollars"),
        Label::Unconfirmed
    );
    assert_eq!(
        label(PRICE, "Apple Watch predicted to cost 349 dollars"),
        Label::Unconfirmed
    );
    assert_eq!(
        label(PRICE, "Apple Watch will cost 349 dollars"),
        Label::Confirmed
    );
    // A capitalised hedge after a preposition is no name.
    assert_eq!(
        label(
            "An oil pipeline exploded in Saudi Arabia",
            "Oil Futures Jump On Rumored Pipeline Explosion In Saudi Arabia"
        ),
        Label::Unconfirmed
    );
}

#[test]
fn a_contrastive_not_negates_no_predicate() {
    // ", not Texas" sets an alternative aside; "did not arrest" negates the claim.
    assert_eq!(
        label(
            "Police will issue tickets rather than make arrests for marijuana",
            "Marijuana may mean a ticket, not arrest, in New York"
        ),
        Label::Unconfirmed
    );
    assert_eq!(
        label(ARREST, "Police did not arrest Banksy in London"),
        Label::Contested
    );
}

#[test]
fn a_question_that_names_both_answers_denies_nothing() {
    assert_eq!(
        label(ARREST, "Banksy arrested in London: real or hoax?"),
        Label::Unconfirmed
    );
    // A question that leans one way keeps its denial.
    assert_eq!(
        label(ARREST, "Was the Banksy arrest in London a hoax?"),
        Label::Contested
    );
}

#[test]
fn a_factive_cue_presents_the_claim_as_fact() {
    assert_eq!(
        check(
            "A dog was abandoned at a railway station",
            &["CCTV footage shows a dog abandoned at a railway station"]
        ),
        (Label::Confirmed, "presented-as-fact".into())
    );
}

#[test]
fn the_subject_saying_it_in_the_headline_confirms_it() {
    assert_eq!(
        check("Apple is buying Path", &["Apple says it is buying Path"]),
        (Label::Confirmed, "subject-confirms".into())
    );
}

// Denials, refutations and negation scope.

#[test]
fn a_denial_contests_the_claim() {
    assert_eq!(
        check(
            ARREST,
            &["Police denied that Banksy was arrested in London."]
        ),
        (Label::Contested, "contested-given".into())
    );
}

#[test]
fn refutation_words_contest_the_claim() {
    assert_eq!(
        label(
            ARREST,
            "The story that Banksy was arrested in London is a hoax."
        ),
        Label::Contested
    );
    assert_eq!(
        label(
            "Macaulay Culkin is dead",
            "Macaulay Culkin alive and well, despite rumours of his death"
        ),
        Label::Contested
    );
}

#[test]
fn negating_the_claim_contests_it() {
    assert_eq!(
        label(
            ARREST,
            "Banksy was not arrested in London, his publicist said."
        ),
        Label::Contested
    );
}

#[test]
fn an_unrelated_not_does_not_contest() {
    assert_ne!(
        label(
            ARREST,
            "It is not the first time Banksy has been arrested in London."
        ),
        Label::Contested
    );
}

#[test]
fn a_denial_deep_in_a_long_article_is_background() {
    let text = "Banksy arrested in London, police say. \
        The artist was held on Tuesday night in the east of the city. \
        Officers said the arrest followed a long inquiry. \
        Local residents gathered outside the station. \
        The artist's agent had denied such reports in the past. \
        Further details are expected on Wednesday.";
    assert_ne!(label(ARREST, text), Label::Contested);
}

#[test]
fn a_claim_that_something_is_false_agrees_with_a_refutation() {
    assert_eq!(
        check(
            "The Banksy arrest is a hoax",
            &["The Banksy arrest story is a hoax, his publicist said."]
        ),
        (Label::Confirmed, "agrees-it-is-false".into())
    );
}

#[test]
fn a_claim_that_reports_is_contested_only_by_a_headline_denial() {
    // "Nigeria says X": a headline denial of X contests it; the same denial recalled
    // deep in an article is background, and the claim stays discussed.
    const CLAIM: &str = "Nigeria says it agreed a ceasefire with Boko Haram";
    assert_eq!(
        check(
            CLAIM,
            &["Boko Haram denies agreeing to a ceasefire with Nigeria"]
        ),
        (Label::Contested, "contested-report".into())
    );
    assert_eq!(
        label(
            CLAIM,
            "Hopes rise for kidnapped schoolgirls\n\nNigeria's army chief said on \
             Friday that a ceasefire had been agreed with Boko Haram. Talks took place in \
             Chad. Families of the kidnapped girls welcomed the news. Aid groups said \
             they hoped to reach the north-east soon. Boko Haram has denied such \
             agreements in the past."
        ),
        Label::Unconfirmed
    );
}

// Qualifiers.

#[test]
fn a_confirmation_with_a_caveat_is_qualified() {
    assert_eq!(
        check(
            "Trump invited Putin to the White House",
            &[
                "The Kremlin says Trump invited Putin to the White House.",
                "The White House confirmed the invitation, noting that no date had been set."
            ]
        ),
        (Label::Qualified, "confirmed-with-caveat".into())
    );
}

// Claim wording.

#[test]
fn a_negation_inside_a_phrase_does_not_make_the_claim_negative() {
    let c = "A man chopped off his own penis out of frustration with not finding love";
    let docs = vec![Document::new(
        "d",
        "Man chops off own penis over failure to find love",
    )];
    let checked = engine().check(docs, Some(c), false);
    assert!(!checked.claims[0].wording.negated);
    let docs = vec![Document::new("d", "Banksy not arrested")];
    let checked = engine().check(docs, Some("Banksy was not arrested in London"), false);
    assert!(checked.claims[0].wording.negated);
}

#[test]
fn a_claim_naming_its_source_is_attributed() {
    for (claim, attributed) in [
        ("Nigeria says it agreed a ceasefire with Boko Haram", true),
        ("Iraqi media: ISIS fighters have contracted Ebola", true),
        (
            "Mass grave found in Mexico holds bodies of missing students",
            false,
        ),
        ("Banksy was arrested in London", false),
    ] {
        let docs = vec![Document::new("d", "Something else entirely.")];
        let checked = engine().check(docs, Some(claim), false);
        assert_eq!(checked.claims[0].wording.attributed, attributed, "{claim}");
    }
}

#[test]
fn relatedness_is_explained() {
    let docs = vec![Document::new("d", "Banksy arrested in London")];
    let checked = engine().check(docs, Some(ARREST), false);
    let d = checked.claims[0]
        .detail
        .as_ref()
        .expect("a given claim has detail");
    assert!(d.whole > 0.9 && d.lead > 0.9 && d.best > 0.9, "{d:?}");
    assert!(d.words > 0);
}

// Headlines.

#[test]
fn a_refutation_around_a_reported_statement_is_the_outlets() {
    assert_eq!(
        label(
            "Loggers cut down the world's oldest tree",
            "Fake news report claims loggers cut down the world's oldest tree"
        ),
        Label::Contested
    );
    assert_eq!(
        label(
            ARREST,
            "A bunch of people thought Banksy got arrested in London but it was a hoax"
        ),
        Label::Contested
    );
}

#[test]
fn a_headline_negating_its_main_clause_contests() {
    assert_eq!(
        label(
            "ESPN planned an all-male domestic violence panel",
            "No, ESPN is not having an all-male domestic violence panel tonight"
        ),
        Label::Contested
    );
    assert_eq!(
        label(
            "A meteorite landed in Nicaragua",
            "Managua explosion not a meteorite, NASA suggests"
        ),
        Label::Contested
    );
    // "has no idea" negates nothing the claim says.
    assert_ne!(
        label(
            "A Texas plumber's truck is being used by militants in Syria",
            "Texas plumber has no idea how his truck ended up with militants in Syria"
        ),
        Label::Contested
    );
}

#[test]
fn a_headline_reporting_the_statement_a_claim_reports_confirms_it() {
    assert_eq!(
        label(
            "A priest who was declared dead says he met God",
            "Priest who died for 48 minutes claims he met God"
        ),
        Label::Confirmed
    );
}

#[test]
fn questions_and_refusals_make_no_claims() {
    let docs = vec![Document::new(
        "doc0",
        "Asked about the share price, the spokeswoman said the company was sound. \
         The regulator declined to comment further.",
    )];
    let checked = engine().check(docs, None, false);
    let texts: Vec<&str> = checked.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["the company was sound"]);
}
