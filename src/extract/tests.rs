//! One test per pattern family, on short texts written for the purpose.

use super::{Pattern, extract};
use crate::pack::test_pack;
use crate::text::{Document, read};

/// (pattern, source, cue, content pieces) of each attribution in `text`.
fn found(text: &str) -> Vec<(Pattern, String, String, Vec<String>)> {
    let p = read(Document::new("t", text), test_pack());
    extract(&p, test_pack())
        .iter()
        .map(|a| {
            (
                a.pattern,
                a.source_span(&p)
                    .map(|s| p.slice(s).to_string())
                    .unwrap_or_default(),
                p.slice(a.cue_span(&p)).to_string(),
                a.content_spans(&p)
                    .into_iter()
                    .map(|s| p.slice(s).to_string())
                    .collect(),
            )
        })
        .collect()
}

fn one(text: &str) -> (Pattern, String, String, Vec<String>) {
    let all = found(text);
    assert_eq!(
        all.len(),
        1,
        "expected one attribution in {text:?}, found {all:?}"
    );
    all.into_iter().next().unwrap()
}

#[test]
fn source_cue_that() {
    let (p, s, c, content) = one("The union said on Wednesday that the strike would end.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::SourceCue, "The union", "said")
    );
    assert_eq!(content, ["the strike would end"]);
}

#[test]
fn hearer_and_adjuncts_are_skipped() {
    let (_, s, c, content) = one("Ms Okafor told reporters on Monday that members had voted.");
    assert_eq!((s.as_str(), c.as_str()), ("Ms Okafor", "told"));
    assert_eq!(content, ["members had voted"]);
}

#[test]
fn verb_group_is_part_of_the_cue() {
    let (_, s, c, _) = one("The authority has also said the backlog will clear.");
    assert_eq!((s.as_str(), c.as_str()), ("The authority", "has also said"));
}

#[test]
fn content_first_and_cue_source() {
    let (p, s, _, content) = one("The bridge will open in March, the ministry said.");
    assert_eq!((p, s.as_str()), (Pattern::ContentFirst, "the ministry"));
    assert_eq!(content, ["The bridge will open in March"]);
    let (p, s, _, content) =
        one("\"We are on schedule,\" said Tomas Lindqvist, the chief engineer.");
    assert_eq!(
        (p, s.as_str()),
        (Pattern::CueSource, "Tomas Lindqvist, the chief engineer")
    );
    assert_eq!(content, ["\"We are on schedule,\""]);
}

#[test]
fn quote_split_by_the_speaker() {
    let (p, s, _, content) =
        one("\"Nobody should expect tolls,\" Mr Lindqvist added, \"at least not this year.\"");
    assert_eq!((p, s.as_str()), (Pattern::Parenthetical, "Mr Lindqvist"));
    assert_eq!(
        content,
        [
            "\"Nobody should expect tolls,\"",
            "\"at least not this year.\""
        ]
    );
}

#[test]
fn discontinuous_content() {
    let (p, s, _, content) = one("The plan, he said, is dead.");
    assert_eq!((p, s.as_str()), (Pattern::Parenthetical, "he"));
    assert_eq!(content, ["The plan", "is dead"]);
}

#[test]
fn according_to_before_and_after() {
    let (p, s, c, content) = one("According to the statistics office, unemployment fell.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (
            Pattern::AccordingTo,
            "the statistics office",
            "According to"
        )
    );
    assert_eq!(content, ["unemployment fell"]);
    let (_, s, _, content) = one("Unemployment fell, according to economists at Norbank.");
    assert_eq!(s, "economists at Norbank");
    assert_eq!(content, ["Unemployment fell"]);
}

#[test]
fn appositive_source_keeps_its_comma() {
    let (_, s, c, _) =
        one("Yury Ushakov, an aide to the Russian leader, told reporters that talks went well.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("Yury Ushakov, an aide to the Russian leader,", "told")
    );
}

#[test]
fn light_verb_and_possessive_nouns() {
    let (p, s, c, content) =
        one("The White House provided confirmation of the Kremlin's announcement.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (
            Pattern::LightVerb,
            "The White House",
            "provided confirmation of"
        )
    );
    assert_eq!(content, ["the Kremlin's announcement"]);
    // A statement that opens a colon or a quotation says what follows, however long.
    let (p, s, c, content) =
        one("Trump released a statement: \"We will win. We always win.\" He left.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::LightVerb, "Trump", "released a statement:")
    );
    assert_eq!(content, ["\"We will win. We always win.\""]);
    let (_, _, c, content) = one("The mayor issued a statement, \"Last night, we were attacked.\"");
    assert_eq!(c, "issued a statement");
    assert_eq!(content, ["\"Last night, we were attacked.\""]);
    let all = found("They doubted the company's claim that no jobs would go.");
    assert_eq!(all.len(), 2, "{all:?}");
    let (p, s, c, content) = &all[1];
    assert_eq!(
        (*p, s.as_str(), c.as_str()),
        (Pattern::Possessive, "the company", "claim")
    );
    assert_eq!(content, &["no jobs would go"]);
}

#[test]
fn owner_speaks_through_a_noun_and_its_preposition() {
    for (text, source, cue, content) in [
        (
            "The vote followed his criticism of the mayor.",
            "his",
            "criticism of",
            "the mayor",
        ),
        (
            "The senator's sharp attacks on the governor have hurt him.",
            "The senator's",
            "sharp attacks on",
            "the governor",
        ),
        // Before a verb, "to" opens the content, and the infinitive is no cue of its own.
        (
            "Voters noticed her refusal to endorse the mayor.",
            "her",
            "refusal",
            "to endorse the mayor",
        ),
    ] {
        let (p, s, c, got) = one(text);
        assert_eq!(
            (p, s.as_str(), c.as_str()),
            (Pattern::Possessive, source, cue),
            "{text}"
        );
        assert_eq!(got, [content], "{text}");
    }
    // With no owner there is no source.
    assert_eq!(found("The attacks on the embassy continued."), []);
    // The owner is no clause's subject: a participle after the noun takes the sentence's.
    let all =
        found("The senator renewed his attacks on the governor, saying the budget was a mess.");
    assert!(
        all.iter()
            .any(|(p, s, c, _)| *p == Pattern::Participle && s == "The senator" && c == "saying"),
        "{all:?}"
    );
}

#[test]
fn relative_clause_speaks_for_its_issuer() {
    let (p, s, c, content) = one(
        "The aide, Sarah Sanders, issued a statement which emphasised that no date had been set.",
    );
    assert_eq!((p, c.as_str()), (Pattern::Relative, "emphasised"));
    assert_eq!(s, "The aide, Sarah Sanders,");
    assert_eq!(content, ["no date had been set"]);
}

#[test]
fn participle_takes_the_main_subject() {
    let all = found("The White House confirmed the invitation, noting that no date had been set.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(
        all[0].3,
        ["the invitation"],
        "the first content stops at the participle"
    );
    assert_eq!(
        (all[1].0, all[1].1.as_str(), all[1].2.as_str()),
        (Pattern::Participle, "The White House", "noting")
    );
    assert_eq!(all[1].3, ["no date had been set"]);
}

#[test]
fn a_participle_after_content_first_takes_its_speaker() {
    // "plans to announce" is inside what the spokesman said: not the one adding.
    let all = found(
        "The mayor plans to announce a new budget next week, his spokesman said, adding that taxes would not rise.",
    );
    let adding = all.iter().find(|a| a.2 == "adding").expect("a participle");
    assert_eq!(adding.1, "his spokesman", "{all:?}");
}

#[test]
fn the_one_who_sends_out_a_message_saying_c_speaks() {
    // The phrase after "sent out" is the verb's object, not the speaker.
    let (_, s, c, content) =
        one("The council sent out a letter to residents saying that the road would close.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("The council", "sent out a letter to residents saying")
    );
    assert_eq!(content, ["the road would close"]);
}

#[test]
fn an_unlisted_verb_before_an_article_ends_the_borrowed_subject() {
    // "shook" and "tied" are in no word list; before "her" and "the" they are verbs.
    let (_, s, c, _) = one("Mrs. Clinton shook her head and said the plan was dead.");
    assert_eq!((s.as_str(), c.as_str()), ("Mrs. Clinton", "said"));
    let (_, s, c, _) = one(
        "The governor, president of the council, tied the plan to the budget, arguing that it would not work.",
    );
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("The governor, president of the council", "arguing")
    );
}

#[test]
fn an_opening_time_phrase_is_not_the_borrowed_subject() {
    // "A week later" and "Then" open the sentence; the verb after "and" takes "she".
    let (_, s, c, _) =
        one("A week later, she toured the plant and explained why the jobs would stay.");
    assert_eq!((s.as_str(), c.as_str()), ("she", "explained"));
    let (_, s, c, _) = one("Then they closed the doors and said the vote would wait.");
    assert_eq!((s.as_str(), c.as_str()), ("they", "said"));
    // A subject's own "later" stays with it.
    let all = found("The nurse later sued, claiming the rule was unlawful.");
    let claiming = all
        .iter()
        .find(|a| a.2 == "claiming")
        .expect("a participle");
    assert_eq!(claiming.1, "The nurse", "{all:?}");
}

#[test]
fn what_a_subject_receives_from_others_names_them_as_the_source() {
    let (p, s, c, content) = one("The new tax drew sharp criticism from local shop owners.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (
            Pattern::LightVerb,
            "local shop owners",
            "drew sharp criticism"
        )
    );
    assert_eq!(content, ["The new tax"]);
    let (_, s, _, content) = one("The mayor has won the backing of three unions.");
    assert_eq!(
        (s.as_str(), content),
        ("three unions", vec!["The mayor".to_string()])
    );
    // What they say, when a "that" clause follows them.
    let (_, s, _, content) =
        one("The mayor faced criticism from residents that the plan was rushed.");
    assert_eq!(
        (s.as_str(), content),
        ("residents", vec!["the plan was rushed".to_string()])
    );
    // No verb before the noun: no one receives it.
    assert!(found("With support from donors, the team grew.").is_empty());
}

#[test]
fn a_clause_closed_by_a_colon_introduces_the_quotation_after_it() {
    let (p, s, c, content) = one("The mayor went even further: “We will not pay a cent.”");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Colon, "The mayor", "went even further:")
    );
    assert_eq!(content, ["“We will not pay a cent.”"]);
    let (_, s, c, _) = one("A note in the budget makes that clear: “No new taxes.”");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("A note in the budget", "makes that clear:")
    );
    // Joined verbs: the last one is the cue.
    let (_, s, c, _) = one("The coach waved at the crowd and bellowed: “We are not done.”");
    assert_eq!((s.as_str(), c.as_str()), ("The coach", "bellowed:"));
    // Not a heading after a dash, nor a quotation with no verb before the colon.
    assert!(found("Polls were early - More from the survey: “Turnout was low.”").is_empty());
}

#[test]
fn a_participle_joined_to_one_that_is_no_cue_takes_the_main_subject() {
    // "portraying" and "making" are no cues; the cue after "and" is their partner.
    let all = found(
        "The senator hit back on Friday, portraying the mayor as a spendthrift and questioning his record.",
    );
    let q = all
        .iter()
        .find(|a| a.2 == "questioning")
        .expect("a participle");
    assert_eq!(
        (q.1.as_str(), q.3.clone()),
        ("The senator", vec!["his record".to_string()])
    );
    let all =
        found("The coach has been making the same case and claiming that the referees erred.");
    let c = all
        .iter()
        .find(|a| a.2 == "claiming")
        .expect("a participle");
    assert_eq!(c.1, "The coach", "{all:?}");
    // Not a partner without an object ("starting with gusto"), nor one inside what
    // was said ("is acting alone").
    let all = found("The runner was like a sprinter, starting with gusto and flagging by the end.");
    assert!(all.iter().all(|a| a.2 != "flagging"), "{all:?}");
    let all = found("The mayor says the board is acting alone and ignoring the law.");
    assert!(
        all.iter().all(|a| a.2 != "ignoring" || a.1 != "The mayor"),
        "{all:?}"
    );
}

#[test]
fn a_participle_after_a_subordinate_clause_takes_its_subject() {
    let (_, s, _, _) = one(
        "The trouble began at a rally in Ohio, when protesters interrupted her speech, shouting that she had lied.",
    );
    assert_eq!(s, "protesters");
    // Not a clause that opens the sentence before the main subject.
    let all =
        found("When the editor asked the firm to print the book, it declined, citing legal risks.");
    let citing = all.iter().find(|a| a.2 == "citing").expect("a participle");
    assert_eq!(citing.1, "it", "{all:?}");
}

#[test]
fn opening_participle_takes_the_main_clause_subject() {
    let all = found("Noting that turnout was low, Ms Adeyemi said the vote would be rerun.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(
        (all[0].0, all[0].1.as_str(), all[0].2.as_str()),
        (Pattern::Participle, "Ms Adeyemi", "Noting")
    );
    assert_eq!(
        all[0].3,
        ["turnout was low"],
        "content ends at the clause's comma"
    );
    assert_eq!(all[1].3, ["the vote would be rerun"]);
    // After a preposition, and with a quotation that closes on the comma.
    let all = found("In describing the plan as \"reckless,\" the mayor said it would fail.");
    assert_eq!(
        (all[0].1.as_str(), all[0].2.as_str()),
        ("the mayor", "describing")
    );
    assert_eq!(all[0].3, ["the plan as \"reckless,\""]);
    // The main clause's own cue is not part of its subject.
    let all = found("Citing local outlets, the Associated Press reports that the flight was late.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(
        (all[0].1.as_str(), all[1].1.as_str(), all[1].2.as_str()),
        ("the Associated Press", "the Associated Press", "reports")
    );
    // A gerund that is the subject of what was said is no opening participle.
    let (p, s, c, _) = one("Seeing her brother suffer led her to quit, she said.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::ContentFirst, "she", "said")
    );
}

#[test]
fn participle_after_the_cue_ends_what_was_said() {
    let all =
        found("The plan is reckless, Hollande said on Tuesday, noting that it would cost jobs.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(
        (all[0].0, all[0].1.as_str(), all[0].3.clone()),
        (
            Pattern::ContentFirst,
            "Hollande",
            vec!["The plan is reckless".to_string()]
        )
    );
    assert_eq!(
        (all[1].0, all[1].2.as_str(), all[1].3.clone()),
        (
            Pattern::Participle,
            "noting",
            vec!["it would cost jobs".to_string()]
        )
    );
}

#[test]
fn a_verb_joined_to_the_cue_is_not_what_was_said() {
    assert!(
        found("The protester yelled and held up a banner.").is_empty(),
        "\"and held up a banner\" is a second action, not speech"
    );
    assert!(found("Republicans now find themselves atop a divided party.").is_empty());
    // A conjunction inside what was said is kept.
    let (_, _, _, content) = one("The mayor said the bridge and the tunnel would reopen.");
    assert_eq!(content, ["the bridge and the tunnel would reopen"]);
}

#[test]
fn a_hearer_verb_before_a_time_is_a_cue() {
    // "People warned on the risks" would be hearers; "on Monday" is when they spoke.
    let (p, s, c, content) = one("Republicans warned on Monday that the party may split.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::SourceCue, "Republicans", "warned")
    );
    assert_eq!(content, ["the party may split"]);
}

#[test]
fn joined_participles_each_speak() {
    let all = found("The aide hit back, calling the plan reckless and warning that it would fail.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(
        (all[0].1.as_str(), all[0].2.as_str(), all[0].3.clone()),
        ("The aide", "calling", vec!["the plan reckless".to_string()])
    );
    assert_eq!(
        (all[1].0, all[1].1.as_str(), all[1].2.as_str()),
        (Pattern::Participle, "The aide", "warning")
    );
    assert_eq!(all[1].3, ["it would fail"]);
}

#[test]
fn apologies_and_taking_sides_are_cues() {
    let (_, s, c, content) = one("Sanders apologized to his supporters for the breach.");
    assert_eq!((s.as_str(), c.as_str()), ("Sanders", "apologized to"));
    assert_eq!(content, ["his supporters for the breach"]);
    let (_, s, c, _) = one("Two senators sided with the governor on the budget.");
    assert_eq!((s.as_str(), c.as_str()), ("Two senators", "sided with"));
    // "side" on its own is mostly the noun.
    let (_, s, _, _) = one("According to the Russian side, the visit was agreed.");
    assert_eq!(s, "the Russian side");
}

#[test]
fn an_opening_prepositional_phrase_is_not_the_subject() {
    let all =
        found("Throughout the campaign, Democrats in Congress, fearing defeat, failed to act.");
    let fearing = all
        .iter()
        .find(|a| a.2 == "fearing")
        .expect("the participle");
    assert_eq!(fearing.1, "Democrats in Congress");
}

#[test]
fn frequency_adverbs_belong_to_the_verb_group() {
    let (_, s, c, _) = one("Mr. Trump seldom mentioned his brother in public.");
    assert_eq!((s.as_str(), c.as_str()), ("Mr. Trump", "seldom mentioned"));
    let (_, s, c, _) = one("The group has twice written to the officials about the emblem.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("The group", "has twice written to")
    );
}

#[test]
fn headline_colon() {
    let (p, s, c, content) =
        one("Finance minister: \"We will not raise taxes\"\n\nThe minister spoke on Monday.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Colon, "Finance minister", ":")
    );
    assert_eq!(content, ["\"We will not raise taxes\""]);
    // A one-sentence first paragraph is a title, even written as a sentence.
    let (p, s, _, content) = one(
        "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.\n\nShe spoke on Friday.",
    );
    assert_eq!(
        (p, s.as_str()),
        (Pattern::Colon, "Clinton to Planned Parenthood")
    );
    assert_eq!(content, ["Trump will reverse Roe v. Wade"]);
    // Not further down.
    assert!(found("She spoke on Friday.\n\nThe verdict: guilty on all counts.").is_empty());
    // A label word heads a name only inside it; "Report:" cites one.
    let body = "\n\nThe mayor spoke on Monday.";
    for (head, source) in [
        (
            "Consumer Watch: Store Chain Hid Price Rises For Months",
            "Consumer Watch",
        ),
        ("Report: Mayor to quit next week", "Report"),
        ("Dana Ortiz: Then There Were Two", "Dana Ortiz"),
    ] {
        let (p, s, _, _) = one(&format!("{head}{body}"));
        assert_eq!((p, s.as_str()), (Pattern::Colon, source), "{head}");
    }
    // A title's own question or subtitle names no speaker.
    for head in [
        "Mayor Ortiz: Reformer or another career politician?",
        "Ortiz and Lee: A long rivalry",
    ] {
        assert!(found(&format!("{head}{body}")).is_empty(), "{head}");
    }
}

#[test]
fn quotes_continue_into_the_next_paragraph() {
    let text = "\"This is the only way,\" she said. \"We looked at every option.\n\n\"None of them added up.\"";
    let all = found(text);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(
        all[0].3,
        [
            "\"This is the only way,\"",
            "\"We looked at every option.",
            "\"None of them added up.\""
        ]
    );
}

#[test]
fn quote_paragraph_without_a_cue_continues_the_speaker() {
    let text = "\"We are ready,\" the minister said.\n\n\"We have nothing further to add.\"";
    let p = read(Document::new("t", text), test_pack());
    let all = extract(&p, test_pack());
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].pattern, Pattern::QuoteContinuation);
    assert_eq!(all[1].same_speaker_as, Some(0));
}

#[test]
fn nested_attributions_stay_nested() {
    let text = "The ambassador said the minister had told him that talks would resume.";
    let p = read(Document::new("t", text), test_pack());
    let all = extract(&p, test_pack());
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].parent, Some(0));
    assert_eq!(p.slice(all[1].source_span(&p).unwrap()), "the minister");
}

#[test]
fn it_was_announced_has_no_source() {
    let (p, s, c, content) = one("It was announced on Friday that the plant would close.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Passive, "", "was announced")
    );
    assert_eq!(content, ["the plant would close"]);
}

#[test]
fn nouns_and_names_are_not_cues() {
    assert!(found("The report was long.").is_empty());
    assert!(found("She met Amira Said at the library.").is_empty());
    assert!(found("Days in office for Russian leaders").is_empty());
}

#[test]
fn title_case_headline_cue() {
    let (_, s, c, content) = one("Mexico Says Students Not Among Dead in Mass Grave");
    assert_eq!((s.as_str(), c.as_str()), ("Mexico", "Says"));
    assert_eq!(content, ["Students Not Among Dead in Mass Grave"]);
    // An adverb's capital says nothing there; it joins the verb group.
    let (_, s, c, _) = one("Senator Just Revealed Her Pick For The Court");
    assert_eq!((s.as_str(), c.as_str()), ("Senator", "Just Revealed"));
    // A curly clitic is no lowercase word of its own ("after" is the one here).
    let (_, s, c, _) = one("Mayor Calls for Audit after Smith\u{2019}s Meetings");
    assert_eq!((s.as_str(), c.as_str()), ("Mayor", "Calls for"));
    // A compound after the verb is no verb of its own.
    let (_, s, c, _) = one("New Surveys Show Double-Digit Leads In Governor Race");
    assert_eq!((s.as_str(), c.as_str()), ("New Surveys", "Show"));
    let (_, s, c, _) = one("Republicans Finally Confirmed A Judge For The District");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("Republicans", "Finally Confirmed")
    );
}

#[test]
fn negated_cue_hedges() {
    for text in [
        "The ministry did not confirm that the plant would close.",
        "The ministry has not denied that the plant would close.",
    ] {
        let p = read(Document::new("t", text), test_pack());
        let all = extract(&p, test_pack());
        assert_eq!(all.len(), 1, "{text}");
        assert_eq!(all[0].stance, crate::model::Stance::Hedges, "{text}");
        assert_eq!(
            p.slice(all[0].content_spans(&p)[0]),
            "the plant would close"
        );
    }
    let p = read(
        Document::new(
            "t",
            "The ministry has not denied that the plant would close.",
        ),
        test_pack(),
    );
    assert!(extract(&p, test_pack())[0].negated);
}

#[test]
fn nesting_never_loops() {
    // Each content holds the other's cue here; nesting must still be a tree.
    let text = "Donald Trump will likely win the nomination, if the county that has been more correct than any other in its predictions is correct, according to a new article in Politico.";
    let p = read(Document::new("t", text), test_pack());
    let all = extract(&p, test_pack());
    for (i, a) in all.iter().enumerate() {
        let mut cur = a.parent;
        let mut steps = 0;
        while let Some(j) = cur {
            assert_ne!(j, i, "attribution {i} is its own ancestor");
            steps += 1;
            assert!(steps <= all.len());
            cur = all[j].parent;
        }
    }
}

#[test]
fn written_content_keeps_its_complementizer() {
    let text = "The union said on Wednesday that the strike would end.";
    let p = read(Document::new("t", text), test_pack());
    let all = extract(&p, test_pack());
    assert_eq!(all.len(), 1);
    assert_eq!(p.slice(all[0].content_spans(&p)[0]), "the strike would end");
    assert_eq!(
        p.slice(all[0].written_content_spans(&p)[0]),
        "that the strike would end"
    );
    let text = "The board asked whether the plant would close.";
    let p = read(Document::new("t", text), test_pack());
    let all = extract(&p, test_pack());
    assert_eq!(
        p.slice(all[0].written_content_spans(&p)[0]),
        "whether the plant would close"
    );
}

#[test]
fn speech_inside_a_quotation_is_marked_or_dropped() {
    // The quoted speaker's own "I think" is part of the quote, not a statement.
    let all = found("\"I think the vote will pass,\" the mayor said.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].1, "the mayor");
    // A third party quoted inside the quote stays, nested and marked as quoted.
    let text = "\"As the minister confirmed, the bridge is safe,\" the mayor said.";
    let p = read(Document::new("t", text), test_pack());
    let all = extract(&p, test_pack());
    assert_eq!(all.len(), 2, "{all:?}");
    let inner = all.iter().find(|a| a.quoted).expect("a quoted attribution");
    assert_eq!(p.slice(inner.source_span(&p).unwrap()), "the minister");
    assert!(inner.parent.is_some());
    assert!(all.iter().any(|a| !a.quoted && a.parent.is_none()));
}

#[test]
fn quote_then_speaker_then_adjunct() {
    // After a closed quote, "at a rally ..." is where it was said, not what.
    let (p, s, c, content) =
        one("\"We will win this state,\" Ms Okafor said at a rally in the capital.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::ContentFirst, "Ms Okafor", "said")
    );
    assert_eq!(content, ["\"We will win this state,\""]);
}

#[test]
fn a_mixed_quote_before_the_speaker_is_said_from_the_sentence_start() {
    // The quote opens mid-sentence: what was said starts with the sentence, and the
    // thought inside it is part of it.
    let (p, s, _, content) =
        one("Candidates who think \"America is safe are dangerously wrong,\" she said.");
    assert_eq!((p, s.as_str()), (Pattern::ContentFirst, "she"));
    assert_eq!(
        content,
        ["Candidates who think \"America is safe are dangerously wrong,\""]
    );
    // An adjunct after the cue changes nothing.
    let (_, _, _, content) =
        one("The new plans \"will not solve this challenge,\" she said in a statement.");
    assert_eq!(
        content,
        ["The new plans \"will not solve this challenge,\""]
    );
    // Not after an adjunct, nor after another speaker's cue.
    let all = found("In an interview on \"Face the Nation,\" he said the bill was dead.");
    assert!(
        all.iter()
            .all(|a| a.3[0] != "In an interview on \"Face the Nation,\"")
    );
    let all = found("Ava said she left because \"nobody listened,\" she said.");
    let ava = all
        .iter()
        .find(|a| a.1 == "Ava")
        .expect("Ava's attribution");
    assert_eq!(ava.3, ["she left because \"nobody listened,\""]);
}

#[test]
fn a_clause_before_the_speaker_is_said_whole_with_the_speech_in_it() {
    // "in posing the question" is an adjunct after the cue, not what was said; the
    // finding is part of what was said (a thought inside reported speech is dropped).
    let all = found("Voters found it offensive, Martha Raddatz said in posing the question.");
    assert_eq!(all.len(), 1, "{all:?}");
    let said = all
        .iter()
        .find(|a| a.2 == "said")
        .expect("the said attribution");
    assert_eq!(
        (said.0, said.1.as_str(), said.3.clone()),
        (
            Pattern::ContentFirst,
            "Martha Raddatz",
            vec!["Voters found it offensive".to_string()]
        )
    );
}

#[test]
fn an_opening_clause_before_the_speaker_is_the_narrators() {
    let all = found("Asked if he was ever bullied, Trump said no.");
    let said = all
        .iter()
        .find(|a| a.2 == "said")
        .expect("the said attribution");
    assert_eq!(
        (said.1.as_str(), said.3.clone()),
        ("Trump", vec!["no".to_string()])
    );
    let all = found(
        "Although the state has maintained that testing is required, Lopez said, \"I support parents.\"",
    );
    let said = all
        .iter()
        .find(|a| a.2 == "said")
        .expect("the said attribution");
    assert_eq!(said.3, ["\"I support parents.\""]);
    // With nothing after the cue and no speech inside it, the opening clause is said.
    let (p, s, _, content) = one("After 2011 he made a number of changes, records show.");
    assert_eq!((p, s.as_str()), (Pattern::ContentFirst, "records"));
    assert_eq!(content, ["After 2011 he made a number of changes"]);
    let all = found("When Trump said he would \"protect workers,\" the crowd applauded loudly.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].3, ["he would \"protect workers,\""]);
    // A prepositional adjunct before the speaker says nothing.
    assert!(found("In an interview with The Huffington Post in late May, he said.").is_empty());
    assert!(found("At one point, she said.").is_empty());
    let (_, _, _, content) = one("In contrast, Clinton has kept her lead, polls show.");
    assert_eq!(content, ["In contrast, Clinton has kept her lead"]);
    // A gerund with a verb of its own is the subject of what was said.
    let (p, _, _, content) = one("Seeing his brother suffer led him to avoid alcohol, he said.");
    assert_eq!(p, Pattern::ContentFirst);
    assert_eq!(
        content,
        ["Seeing his brother suffer led him to avoid alcohol"]
    );
}

#[test]
fn according_to_after_a_conjunction_a_bracket_or_an_adjunct() {
    let (_, s, _, content) =
        one("But, according to the poll, 46 percent of voters remain undecided.");
    assert_eq!(s, "the poll");
    assert_eq!(content, ["46 percent of voters remain undecided"]);
    let (_, s, _, _) = one("(According to the police department, it keeps no statistics.)");
    assert_eq!(s, "the police department");
    let (_, s, _, _) = one(
        "According to early results of exit polls conducted for the Associated Press, turnout rose.",
    );
    assert_eq!(
        s,
        "early results of exit polls conducted for the Associated Press"
    );
    let (_, _, _, content) = one("Fundraising, according to the campaign, has surged.");
    assert_eq!(content, ["Fundraising", "has surged"]);
}

#[test]
fn told_with_the_content_on_the_left_takes_no_hearer_as_content() {
    let (p, s, _, content) =
        one("He had finished his second year, a school spokesman told The Wall Street Journal.");
    assert_eq!(
        (p, s.as_str()),
        (Pattern::ContentFirst, "a school spokesman")
    );
    assert_eq!(content, ["He had finished his second year"]);
    let (_, _, _, content) =
        one("\"We will win,\" the senator told ABC's \"Good Morning America.\"");
    assert_eq!(content, ["\"We will win,\""]);
    // After an adjunct, the hearer is followed by what was said.
    let (_, _, _, content) = one("Last month, the FBI warned state officials to boost security.");
    assert_eq!(content, ["to boost security"]);
}

#[test]
fn colon_after_the_cue_belongs_to_it() {
    let (_, s, c, content) = one("The mayor added: \"We are ready.\"");
    assert_eq!((s.as_str(), c.as_str()), ("The mayor", "added:"));
    assert_eq!(content, ["\"We are ready.\""]);
}

#[test]
fn noun_like_cue_forms_need_a_verb_context() {
    assert!(
        found("Both candidates campaigned hard in the swing states before the vote.").is_empty()
    );
    assert!(found("The original tweet was deleted within an hour.").is_empty());
    assert!(found("He is showing up in swing states to stump for Clinton.").is_empty());
    assert!(found("Acme shares were barely half their offering price.").is_empty());
    assert!(found("She joined a growing list of critics of the deal.").is_empty());
    let (_, s, c, _) = one("The senator shared the video on Monday.");
    assert_eq!((s.as_str(), c.as_str()), ("The senator", "shared"));
    let (_, s, c, _) = one("Voters in key states support Clinton.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("Voters in key states", "support")
    );
    let (_, s, c, _) = one("It was a long shot, as polls show Clinton with a big lead.");
    assert_eq!((s.as_str(), c.as_str()), ("polls", "show"));
    // "posts" after a preposition and a name is a noun; so is "posts" after "social
    // media".
    let (_, s, c, _) = one(
        "In a series of Twitter posts Sunday, Mr. Frum, a former speechwriter, wrote: \"Can he cope?\"",
    );
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("Mr. Frum, a former speechwriter,", "wrote:")
    );
    assert!(found("The social media posts and other fortifications were removed.").is_empty());
    // A modifier before the word makes it a noun.
    let (_, _, c, _) = one("She unveiled her own plans to boost incomes.");
    assert_eq!(c, "unveiled");
    assert!(found("He lacks enough electoral votes to win the nomination.").is_empty());
    // So does a compound, whichever half reads as a verb alone.
    assert!(found("Democrats have adopted a double-barreled attack to win.").is_empty());
    assert!(found("They mounted a well-planned attack to win.").is_empty());
    let (_, s, c, content) = one("He states that the budget is balanced.");
    assert_eq!((s.as_str(), c.as_str()), ("He", "states"));
    assert_eq!(content, ["the budget is balanced"]);
    // A cue's own particle makes the word a verb.
    let (p, s, c, content) = one("That, as Trump points out, is quite a lot.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::AsClause, "Trump", "points out")
    );
    assert_eq!(content, ["is quite a lot"]);
}

#[test]
fn relative_and_bracketed_appositives() {
    let (_, s, c, _) =
        one("Steele, who was governor when Perez was on the council, said Perez could help.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        (
            "Steele, who was governor when Perez was on the council,",
            "said"
        )
    );
    let (_, s, _, content) = one("Sen. Marco Rubio (R-Fla.) said the plan is dead.");
    assert_eq!(s, "Sen. Marco Rubio (R-Fla.)");
    assert_eq!(content, ["the plan is dead"]);
    let (_, s, _, _) = one(
        "Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a staffer) says he was unfocused.",
    );
    assert_eq!(
        s,
        "Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a staffer)"
    );
}

#[test]
fn relative_pronoun_is_the_written_source() {
    let text = "The fine was criticised by Harold Doley, a banker who has suggested the aides were paid too much.";
    let p = read(Document::new("t", text), test_pack());
    let all = extract(&p, test_pack());
    let a = all
        .iter()
        .find(|a| a.pattern == Pattern::Relative)
        .expect("a relative attribution");
    assert_eq!(p.slice(a.source_span(&p).unwrap()), "a banker");
    assert_eq!(p.slice(a.written_source_span(&p).unwrap()), "who");
    assert_eq!(p.slice(a.cue_span(&p)), "has suggested");
}

#[test]
fn that_after_an_adjunct_opens_the_content() {
    let text = "The mayor said in a radio interview on Monday that the bridge would reopen.";
    let p = read(Document::new("t", text), test_pack());
    let all = extract(&p, test_pack());
    assert_eq!(all.len(), 1);
    assert_eq!(
        p.slice(all[0].written_content_spans(&p)[0]),
        "that the bridge would reopen"
    );
}

#[test]
fn clause_initial_subject_with_appositives_and_interjections() {
    // Appositive noun phrases belong to the source; an interjected participle ends it.
    let (_, s, _, content) = one(
        "Sandra Inman, a Cruz supporter from Jackson, Mississippi, attending the convention, said she could not support Trump.",
    );
    assert_eq!(
        s,
        "Sandra Inman, a Cruz supporter from Jackson, Mississippi,"
    );
    assert_eq!(content, ["she could not support Trump"]);
    let (_, s, _, _) = one("Murphy, though, said he is with Clinton.");
    assert_eq!(s, "Murphy");
    let (_, s, _, _) = one("Tester, himself up for reelection in 2018, said he voted no.");
    assert_eq!(s, "Tester");
    let (_, s, _, _) =
        one("Powell's office, when contacted by Reuters, said he could not recall it.");
    assert_eq!(s, "Powell's office");
    // ("when he was contacted" has a finite verb of its own: no interjection, no subject.)
    assert!(
        found("Powell's office, when he was contacted, said he could not recall it.").is_empty()
    );
    let (_, s, _, _) =
        one("Mark Longabaugh, a senior adviser to Mr. Sanders, said he was hopeful.");
    assert_eq!(s, "Mark Longabaugh, a senior adviser to Mr. Sanders,");
    // A finite verb between the commas: no such subject.
    let all = found("Gary Emineth, a former chairman, became a delegate.");
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn source_after_the_cue_keeps_its_notes_and_appositives() {
    let (p, s, _, content) = one(
        "\"We must do the same,\" said Rep. Patrick J. Tiberi (R-Ohio), a senior member of the committee.",
    );
    assert_eq!(p, Pattern::CueSource);
    assert_eq!(
        s,
        "Rep. Patrick J. Tiberi (R-Ohio), a senior member of the committee"
    );
    assert_eq!(content, ["\"We must do the same,\""]);
}

#[test]
fn quote_that_ends_the_sentence_before() {
    let (p, s, _, content) = one("\"Does he not understand?\" Biden said.");
    assert_eq!((p, s.as_str()), (Pattern::ContentFirst, "Biden"));
    assert_eq!(content, ["\"Does he not understand?\""]);
    // After a quote, what follows an adjunct is not said: "that" opens a relative clause.
    let (p, _, _, content) = one(
        "\"It's like a new plane,\" Mr. Trump said in a documentary that showed the renovations.",
    );
    assert_eq!(p, Pattern::ContentFirst);
    assert_eq!(content, ["\"It's like a new plane,\""]);
    // A short quotation is content all the same.
    let (_, s, _, content) = one("\"You tell me,\" he said.");
    assert_eq!(
        (s.as_str(), content[0].as_str()),
        ("he", "\"You tell me,\"")
    );
}

#[test]
fn raising_verbs_have_content_and_no_source() {
    let (p, s, c, content) = one("The sale is expected to close in March.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Raising, "", "is expected")
    );
    assert_eq!(content, ["The sale", "to close in March"]);
    let (_, _, c, content) = one("Trump's supporters seemed equally unperturbed.");
    assert_eq!(c, "seemed");
    assert_eq!(content, ["Trump's supporters", "equally unperturbed"]);
    // Before "to" and a cue verb, the raising verb joins that cue.
    let (p, s, c, _) = one("She appeared to imply that Trump could lead to upheaval.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::SourceCue, "She", "appeared to imply")
    );
    // "expected" needs a form of "be".
    assert!(
        found("Turnout was higher than anyone expected.")
            .iter()
            .all(|a| a.0 != Pattern::Raising)
    );
}

#[test]
fn asked_names_the_one_asking() {
    let all =
        found("Asked by Starnes whether the attacks were alike, Carson said that he did not.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(
        (all[0].0, all[0].1.as_str(), all[0].2.as_str()),
        (Pattern::Asked, "Starnes", "Asked")
    );
    assert_eq!(all[0].3, ["the attacks were alike"]);
    // The left of "Carson said" is the question, not what Carson said.
    assert_eq!(all[1].1, "Carson");
    assert_eq!(all[1].3, ["he did not"]);
    let (p, s, c, content) =
        one("Sanders was asked by host John Dickerson whether his aim was similar.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Asked, "host John Dickerson", "was asked")
    );
    assert_eq!(content, ["his aim was similar"]);
}

#[test]
fn quantifiers_and_clitics_in_the_subject() {
    let (_, s, _, _) = one("Many speculated that he might fail.");
    assert_eq!(s, "Many");
    let (_, s, _, _) = one("Some of the delegates said the rules were unfair.");
    assert_eq!(s, "Some of the delegates");
    let (_, s, c, _) = one("While he's said he'll fight on, the outcome is unclear.");
    assert_eq!((s.as_str(), c.as_str()), ("he", "'s said"));
    let (_, s, c, _) = one("Bolton and Gorka both denounced the movement.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("Bolton and Gorka", "both denounced")
    );
}

#[test]
fn control_verbs_take_an_infinitive() {
    let (_, s, c, content) = one("The center has declined to reveal its sources.");
    assert_eq!((s.as_str(), c.as_str()), ("The center", "has declined"));
    assert_eq!(content, ["to reveal its sources"]);
    let (_, s, c, _) = one("The campaign plans to air a new ad.");
    assert_eq!((s.as_str(), c.as_str()), ("The campaign", "plans"));
    // "plans" as a noun is no cue.
    assert!(found("The GOP tax plans would drive deficits.").is_empty());
}

#[test]
fn thoughts_inside_reported_speech_are_part_of_it() {
    let all = found("Devine said he does not think the contest will hurt the party.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(
        all[0].3,
        ["he does not think the contest will hurt the party"]
    );
    // Speech inside speech is kept, nested.
    let all = found("Devine said the chairman told him the vote would go ahead.");
    assert_eq!(all.len(), 2, "{all:?}");
}

#[test]
fn preposition_after_the_cue_belongs_to_it() {
    let (_, s, c, content) = one("Merkel warned against the forces of hate.");
    assert_eq!((s.as_str(), c.as_str()), ("Merkel", "warned against"));
    assert_eq!(content, ["the forces of hate"]);
}

#[test]
fn colon_names_the_speaker_of_a_heading_or_a_transcript_turn() {
    let text =
        "Clinton: I support D.C. statehood.\n\nHillary Clinton wants to see D.C. become a state.";
    let all = found(text);
    assert_eq!(
        (all[0].0, all[0].1.as_str(), all[0].3[0].as_str()),
        (Pattern::Colon, "Clinton", "I support D.C. statehood")
    );
    let text = "Q: How did things go?\n\nJAKE TAPPER: The video came out on Friday. Take a listen.";
    let all = found(text);
    let turn = all
        .iter()
        .find(|a| a.1 == "JAKE TAPPER")
        .expect("the anchor's turn");
    // A turn runs to the end of the paragraph.
    assert_eq!(turn.3, ["The video came out on Friday. Take a listen."]);
    // A tally is not a statement.
    assert!(found("The count so far.\n\nClinton: 547.").is_empty());
    // An interviewer's question, a story label and a credit line name no speaker; a
    // label's words elsewhere do not stop a speaker ("The White House").
    assert!(
        found("Q: Have you talked to her?")
            .iter()
            .all(|a| a.1 != "Q")
    );
    // Nor does a one-letter answer label (annotators mark about one in four).
    assert!(found("Intro.\n\nA: It was fine, thanks.").is_empty());
    assert!(found("The Latest: Sanders wins Minnesota caucuses").is_empty());
    assert!(found("Contributing: Deborah Berry, USA TODAY").is_empty());
    let all = found("The White House: We have no plans to meet.");
    assert_eq!(all[0].1, "The White House");
    // A bracketed note does not count towards the name's length; a heading before a
    // dash is not part of the names after it.
    let (p, s, _, content) = one("Rep. Trey Gowdy (R-S.C.): \"I have not heard that figure.\"");
    assert_eq!(
        (p, s.as_str()),
        (Pattern::Colon, "Rep. Trey Gowdy (R-S.C.)")
    );
    assert_eq!(content, ["\"I have not heard that figure.\""]);
    let (_, s, _, _) =
        one("POLLS NOT WRONG - Mark Blumenthal and Jon Cohen: “The polls were early.”");
    assert_eq!(s, "Mark Blumenthal and Jon Cohen");
}

#[test]
fn infinitive_cues_take_the_object_of_a_control_verb() {
    let (p, s, c, content) = one("The ruling allows Republicans to criticize the policy as weak.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Infinitive, "Republicans", "to criticize")
    );
    assert_eq!(content, ["the policy as weak"]);
}

#[test]
fn initials_and_relative_that_stay_in_the_name() {
    let (_, s, _, _) =
        one("\"She is an internationalist,\" said Edwin M. Truman, a fellow who worked with her.");
    assert_eq!(s, "Edwin M. Truman, a fellow who worked with her");
    let (_, s, _, _) = one(
        "Tom Fitton, the president of a group that has sued the department, said the damage is done.",
    );
    assert_eq!(
        s,
        "Tom Fitton, the president of a group that has sued the department,"
    );
}

#[test]
fn time_adjunct_between_subject_and_verb() {
    let (_, s, c, _) = one("Sen. Chuck Grassley on Wednesday downplayed the attack on the judge.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("Sen. Chuck Grassley", "downplayed")
    );
    let (_, s, _, _) =
        one("The State Department less than two weeks ago said the emails were secret.");
    assert_eq!(s, "The State Department");
}

#[test]
fn sentence_initial_said_before_its_source() {
    let (p, s, _, content) = one("Said Comey, \"The thought is very painful to us.\"");
    assert_eq!((p, s.as_str()), (Pattern::CueSource, "Comey"));
    assert_eq!(content, ["\"The thought is very painful to us.\""]);
}

#[test]
fn the_issuer_of_a_statement_speaks() {
    let (_, s, c, content) =
        one("The town released a statement Wednesday saying the comments were not based on facts.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("The town", "released a statement Wednesday saying")
    );
    assert_eq!(content, ["the comments were not based on facts"]);
}

#[test]
fn relative_clause_between_commas_ends_at_its_comma() {
    let all = found("Humphrey, who calls Trump a sociopath, said the effort will work.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[0].3, ["Trump a sociopath"]);
    assert_eq!(
        (all[1].1.as_str(), all[1].3[0].as_str()),
        (
            "Humphrey, who calls Trump a sociopath,",
            "the effort will work"
        )
    );
}

#[test]
fn source_after_the_cue_keeps_its_relative_clause_but_not_the_medium() {
    let (_, s, _, _) = one("\"It is over,\" said Mr. Brown, who has taken on the organizing.");
    assert_eq!(s, "Mr. Brown, who has taken on the organizing");
    let (_, s, _, _) = one("\"It is over,\" said RNC spokesman Sean Spicer in a Friday tweet.");
    assert_eq!(s, "RNC spokesman Sean Spicer");
}

#[test]
fn passive_subject_is_the_content_and_the_agent_the_source() {
    let (p, s, c, content) = one("Tinder's ban of the user was first reported by BuzzFeed.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Passive, "BuzzFeed", "was first reported")
    );
    assert_eq!(content, ["Tinder's ban of the user"]);
    let (_, s, c, content) = one("The list of wishes was widely known.");
    assert_eq!((s.as_str(), c.as_str()), ("", "was widely known"));
    assert_eq!(content, ["The list of wishes"]);
}

#[test]
fn a_topic_inside_another_speakers_content_is_part_of_it() {
    let all = found("The mayor confirmed that the two had discussed a new bridge.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].3, ["the two had discussed a new bridge"]);
    let (_, s, c, content) = one("The two leaders discussed a new bridge.");
    assert_eq!((s.as_str(), c.as_str()), ("The two leaders", "discussed"));
    assert_eq!(content, ["a new bridge"]);
}

#[test]
fn a_reported_plan_has_no_speaker() {
    assert!(found("Carmaker reportedly plans to cut 2,000 jobs").is_empty());
    assert!(found("The mayor is said to want a second term.").is_empty());
    let (_, s, c, content) = one("Carmaker plans to cut 2,000 jobs.");
    assert_eq!((s.as_str(), c.as_str()), ("Carmaker", "plans"));
    assert_eq!(content, ["to cut 2,000 jobs"]);
    // A reported statement is still the subject's.
    let (_, s, c, _) = one("The mayor reportedly said the bridge would close.");
    assert_eq!((s.as_str(), c.as_str()), ("The mayor", "reportedly said"));
}

#[test]
fn a_time_phrase_after_the_cue_is_not_content() {
    let (_, s, c, content) = one("The board voted on Tuesday to close the depot.");
    assert_eq!((s.as_str(), c.as_str()), ("The board", "voted"));
    assert_eq!(content, ["to close the depot"]);
    assert!(found("The board voted on Tuesday.").is_empty());
}

#[test]
fn a_vote_inside_reported_speech_is_part_of_it() {
    let all = found("The mayor said the board had voted to close the depot.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].3, ["the board had voted to close the depot"]);
}

#[test]
fn that_before_a_plural_noun_is_a_complementizer() {
    let all = found("Ms Okafor told reporters that members had said the offer was fair.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[1].1, "members");
}

#[test]
fn a_passive_perception_subject_is_no_source() {
    let all = found("A video claims that a shark was seen swimming in the river.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].1, "A video");
    assert!(found("The mayor was seen leaving the building.").is_empty());
    // An agent still speaks: "was seen by".
    let (p, s, _, content) = one("The memo was seen by Reuters.");
    assert_eq!((p, s.as_str()), (Pattern::Passive, "Reuters"));
    assert_eq!(content, ["The memo"]);
}

#[test]
fn refusal_verbs_are_cues_only_before_an_infinitive() {
    assert!(found("The council would not refuse its proposal.").is_empty());
    assert!(found("Profits declined sharply last year.").is_empty());
    let (_, s, c, content) = one("The council refused to publish the report.");
    assert_eq!((s.as_str(), c.as_str()), ("The council", "refused"));
    assert_eq!(content, ["to publish the report"]);
}

#[test]
fn a_raising_verb_keeps_a_pronoun_subject_in_the_content() {
    let (p, s, c, content) = one("He was expected to raise the issue of the poisoning.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Raising, "", "was expected")
    );
    assert_eq!(content, ["He", "to raise the issue of the poisoning"]);
}

#[test]
fn a_determiner_and_a_quantifier_are_a_subject() {
    let (_, s, c, _) = one("The two said the plan was dead.");
    assert_eq!((s.as_str(), c.as_str()), ("The two", "said"));
}

#[test]
fn the_main_clause_after_an_as_clause_is_its_content_whole() {
    let all = found("As the mayor confirmed, after the vote, the two had discussed a new bridge.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].0, Pattern::AsClause);
    assert_eq!(
        all[0].3,
        ["after the vote, the two had discussed a new bridge"]
    );
    // Closing the sentence with no object of its own, it looks back.
    let (p, s, _, content) =
        one("Invoking Weimar is a classic scare tactic, as David Dayen noted in The Intercept.");
    assert_eq!((p, s.as_str()), (Pattern::AsClause, "David Dayen"));
    assert_eq!(content, ["Invoking Weimar is a classic scare tactic"]);
    // Not "as well as", nor a thought.
    let all = found("The plan failed, as well as officials noted.");
    assert!(all.iter().all(|a| a.0 != Pattern::AsClause), "{all:?}");
    let all = found("They are a risk, as many Democrats believe.");
    assert!(all.iter().all(|a| a.0 != Pattern::AsClause), "{all:?}");
    // With an object of its own, an opening as-clause tells a time or a cause; the
    // verb takes that object.
    let all = found("As the senator criticized the deal, the markets fell sharply.");
    assert!(all.iter().all(|a| a.0 != Pattern::AsClause), "{all:?}");
    // Adjuncts alone still leave it looking ahead.
    let (p, _, _, content) = one("As the paper reported on Friday, the mill will close.");
    assert_eq!(p, Pattern::AsClause);
    assert_eq!(content, ["the mill will close"]);
}

#[test]
fn headlines_drop_the_be_of_a_passive_raising_verb() {
    // "Microsoft (is) said to be buying Mojang": no speaker, the subject is content.
    let (p, s, c, content) = one("Microsoft said to be buying Mojang for 2 billion");
    assert_eq!((p, s.as_str(), c.as_str()), (Pattern::Raising, "", "said"));
    assert_eq!(content, ["Microsoft", "to be buying Mojang for 2 billion"]);
    let (p, _, c, _) = one("Apple Watch Predicted To Cost 349 Dollars");
    assert_eq!((p, c.as_str()), (Pattern::Raising, "Predicted"));
    // Prose keeps the active reading, and "said to" a hearer is speech.
    let (p, s, _, _) = one("Obama said to Congress that the bill was dead.");
    assert_eq!((p, s.as_str()), (Pattern::SourceCue, "Obama"));
    let (_, s, _, _) = one("Trump said to reporters that he would win.");
    assert_eq!(s, "Trump");
}

#[test]
fn a_modifier_between_determiner_and_noun_stays_in_the_subject() {
    let (_, s, c, content) =
        one("Ann Lee, the city's first deputy manager, said the flag was removed.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("Ann Lee, the city's first deputy manager,", "said")
    );
    assert_eq!(content, ["the flag was removed"]);
}

#[test]
fn a_cue_coordinated_with_a_plain_verb_takes_the_subject() {
    let (p, s, c, content) = one("They rushed everyone inside and said they will register voters.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Coordinated, "They", "said")
    );
    assert_eq!(content, ["they will register voters"]);
    let (_, s, _, _) = one("She paid the loan down, but said she could not teach.");
    assert_eq!(s, "She");
}

#[test]
fn some_verbs_speak_only_with_speech_after_them() {
    assert!(found("Mr. Lee continued campaigning on Friday with his running mate.").is_empty());
    assert!(found("The senator maintains a wide lead over her rival.").is_empty());
    let (_, s, c, content) = one("The mayor has maintained that the bridge is safe.");
    assert_eq!((s.as_str(), c.as_str()), ("The mayor", "has maintained"));
    assert_eq!(content, ["the bridge is safe"]);
    let (_, s, _, _) = one("\"We will win,\" she continued.");
    assert_eq!(s, "she");
}

#[test]
fn a_gerund_cue_after_by_takes_the_main_subject() {
    let (p, s, c, content) = one("Ms Lee surprised the room by saying she would run again.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Participle, "Ms Lee", "saying")
    );
    assert_eq!(content, ["she would run again"]);
}

#[test]
fn a_relative_clause_stays_in_a_source_after_the_cue() {
    let all = found("\"We won,\" said a city official who was not authorized to speak.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].0, Pattern::CueSource);
    assert_eq!(all[0].1, "a city official who was not authorized to speak");
}

#[test]
fn a_participle_that_names_its_noun_says_nothing() {
    assert!(found("Brighton teenager known as Khalil killed in drone strike").is_empty());
    assert!(found("Masked killer named as Mohammed Emwazi from London").is_empty());
    assert!(found("He donated to a super PAC called Future45 last year.").is_empty());
    assert!(found("The money went to a new firm named Acme and another called i360.").is_empty());
    // Not after a definite noun or a pronoun.
    let (_, s, c, _) = one("He called the rhetoric \"dangerous\" on Sunday.");
    assert_eq!((s.as_str(), c.as_str()), ("He", "called"));
    // "quoted as saying" is speech; "described X as Y" is a cue with an object.
    let (_, s, c, _) = one("The senator was quoted as saying that the bill was dead.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("The senator", "was quoted as saying")
    );
    let (_, s, _, _) = one("Smith described the plan as a disaster.");
    assert_eq!(s, "Smith");
}

#[test]
fn subjects_keep_their_notes_asides_and_compounds() {
    for (text, source) in [
        (
            "Sen. Bernie Sanders (I-Vt.) said he will run again.",
            "Sen. Bernie Sanders (I-Vt.)",
        ),
        (
            "Isakson, one of the co-authors still in office, said he remembers it.",
            "Isakson, one of the co-authors still in office,",
        ),
        (
            "Sanders, a self-described democratic socialist, said wages are too low.",
            "Sanders, a self-described democratic socialist,",
        ),
        (
            "Many speakers at the service — including Muslims and Jews — said the death was painful.",
            "Many speakers at the service — including Muslims and Jews —",
        ),
        (
            "People briefed on the move said that it reflected a change.",
            "People briefed on the move",
        ),
        (
            "Sandra Inman, a supporter from Jackson, Miss., said she could not vote.",
            "Sandra Inman, a supporter from Jackson, Miss.,",
        ),
        (
            "Rep. Glenn Thompson, R-Pa., said the plan was dead.",
            "Rep. Glenn Thompson, R-Pa.,",
        ),
        (
            "Mr. Slinker, whose start-up, Paradata, uses big data, said he likes Trump.",
            "Mr. Slinker, whose start-up, Paradata, uses big data,",
        ),
    ] {
        let (p, s, c, _) = one(text);
        assert_eq!(
            (p, s.as_str(), c.as_str()),
            (Pattern::SourceCue, source, "said"),
            "{text}"
        );
    }
}

#[test]
fn source_after_the_cue_keeps_the_comma_closing_its_appositive() {
    let (p, s, _, _) =
        one("\"We will appeal,\" said Ann Ruiz, a lawyer for the town, in a statement.");
    assert_eq!(
        (p, s.as_str()),
        (Pattern::CueSource, "Ann Ruiz, a lawyer for the town,")
    );
    // With no appositive, no comma: the source is the name.
    let (_, s, _, _) = one("\"We will appeal,\" said Ann Ruiz, in a statement.");
    assert_eq!(s, "Ann Ruiz");
}

#[test]
fn whose_opens_the_source_it_determines() {
    let (_, s, c, _) = one("The union, whose leaders have argued that the plan is unfair, met.");
    assert_eq!((s.as_str(), c.as_str()), ("whose leaders", "have argued"));
}

#[test]
fn sources_after_the_cue_take_names_and_adjectives() {
    let (_, s, _, _) = one("\"It is expensive,\" said Will Doyle, a professor.");
    assert_eq!(s, "Will Doyle, a professor");
    let (_, s, _, _) = one("\"It is over,\" said a person close to the Clintons.");
    assert_eq!(s, "a person close to the Clintons");
    let (_, s, _, _) = one("\"It is dead,\" said Rep. Glenn Thompson, R-Pa., on Monday.");
    assert_eq!(s, "Rep. Glenn Thompson, R-Pa.,");
    let (_, s, _, _) = one("\"It is over,\" said Air Force 1st Lt. Tyler Livingston.");
    assert_eq!(s, "Air Force 1st Lt. Tyler Livingston");
    let (_, s, _, _) = one("\"It was rough,\" said the Vox Populi (Voice of the People) column.");
    assert_eq!(s, "the Vox Populi (Voice of the People) column");
    // A cue word after a determiner is a noun inside the phrase.
    let (_, s, _, _) = one("\"It is over,\" said one Republican involved in the planning.");
    assert_eq!(s, "one Republican involved in the planning");
    let (_, s, c, _) = one("About three in 10 said they prefer a liberal agenda.");
    assert_eq!((s.as_str(), c.as_str()), ("About three in 10", "said"));
    let (_, s, _, _) = one("More than six in 10 said they were tired of the race.");
    assert_eq!(s, "More than six in 10");
    let (_, s, _, _) = one("Cornyn, the No. 2 Republican, said the vote would come Monday.");
    assert_eq!(s, "Cornyn, the No. 2 Republican,");
}

#[test]
fn a_plural_noun_before_a_cue_verb_is_its_subject() {
    let (_, s, c, _) = one("Abortion rights advocates said the ruling matters.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("Abortion rights advocates", "said")
    );
    // A plural determiner, a plural noun and a bare noun-like form agree as subject
    // and verb.
    let (_, s, c, content) = one("Several polls show Sanders within two points of Clinton.");
    assert_eq!((s.as_str(), c.as_str()), ("Several polls", "show"));
    assert_eq!(content, ["Sanders within two points of Clinton"]);
}

#[test]
fn a_participle_after_an_opening_adjunct_takes_the_subject() {
    let (p, s, c, content) = one(
        "In a victory speech on Tuesday night, Mr. Trump struck a measured tone, saying he understood the task.",
    );
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Participle, "Mr. Trump", "saying")
    );
    assert_eq!(content, ["he understood the task"]);
}

#[test]
fn whoever_sends_the_message_speaks_through_it() {
    let all = found(
        "The Cruz campaign sent a fundraising email Wednesday saying that the results show Cruz can win.",
    );
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(
        (all[0].1.as_str(), all[0].2.as_str()),
        (
            "The Cruz campaign",
            "sent a fundraising email Wednesday saying"
        )
    );
    // The reported results speak inside it.
    assert_eq!(
        (all[1].1.as_str(), all[1].2.as_str()),
        ("the results", "show")
    );
}

#[test]
fn percentages_are_subjects_and_past_forms_end_them() {
    let (_, s, _, _) = one("There is less consensus: 47% say the United States should act.");
    assert_eq!(s, "47%");
    // "surfaced" is the verb of "video", not a source.
    assert!(
        found("A video surfaced showing the candidate stumbling.")
            .iter()
            .all(|(_, s, _, _)| s != "surfaced" && s != "A video surfaced")
    );
}

#[test]
fn a_participle_after_a_quote_takes_the_narrated_speaker() {
    let all = found(
        "\"I think you will know it when you see it,\" said Mr. Burr, adding that it was late.",
    );
    let adding = all
        .iter()
        .find(|a| a.2 == "adding")
        .expect("adding is a cue");
    assert_eq!(adding.1, "Mr. Burr");
}

#[test]
fn when_asked_the_question_has_no_source() {
    let all = found("\"We will see,\" Sanders said when asked whether he would raise funds.");
    let asked = all.iter().find(|a| a.2 == "asked").expect("asked is a cue");
    assert_eq!((asked.0, asked.1.as_str()), (Pattern::Asked, ""));
    // The complementizer is the attribution's lead, not its content.
    assert_eq!(asked.3, ["he would raise funds"]);
    // An appositive subject asks the question itself.
    let (p, s, _, _) = one("Neera Tanden, a Clinton supporter, asked whether he had thoughts.");
    assert_eq!(
        (p, s.as_str()),
        (Pattern::SourceCue, "Neera Tanden, a Clinton supporter,")
    );
}

#[test]
fn a_bare_verb_between_common_nouns_is_a_noun() {
    let (_, s, c, _) =
        one("Brian Deese, the White House climate change adviser, said he was ready.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        (
            "Brian Deese, the White House climate change adviser,",
            "said"
        )
    );
}

#[test]
fn an_opening_clause_is_not_what_the_main_speaker_said() {
    let all =
        found("Asked whether Mr. Clinton would hold a cabinet post, Mrs. Clinton said, \"No.\"");
    let said = all.iter().find(|a| a.2 == "said").expect("said is a cue");
    assert_eq!(
        (said.0, said.1.as_str()),
        (Pattern::SourceCue, "Mrs. Clinton")
    );
    assert_eq!(said.3, ["\"No.\""]);
    // A cue inside the opening clause says only what that clause holds.
    let all = found("When Trump suggested that Cuba would sue, Rubio fired back.");
    let suggested = all
        .iter()
        .find(|a| a.2 == "suggested")
        .expect("suggested is a cue");
    assert_eq!(suggested.3, ["Cuba would sue"]);
}

#[test]
fn a_noun_before_a_relative_that_is_no_cue() {
    assert!(
        found("Voters went to the polls in the 15 states that have held primaries.").is_empty()
    );
    assert!(found("The agents recovered several thousand emails that were not marked.").is_empty());
    // "that" and a subject: the verb reading stays.
    let (_, s, c, _) = one("The senator states that the plan is dead.");
    assert_eq!((s.as_str(), c.as_str()), ("The senator", "states"));
}

#[test]
fn an_interjected_participle_ends_before_the_main_cue() {
    let all = found("Mr. Manafort, citing the magic of Trump, said the candidate could win.");
    let citing = all
        .iter()
        .find(|a| a.2 == "citing")
        .expect("citing is a cue");
    assert_eq!(citing.3, ["the magic of Trump"]);
    let said = all.iter().find(|a| a.2 == "said").expect("said is a cue");
    assert_eq!(
        (said.1.as_str(), said.3.clone()),
        ("Mr. Manafort", vec!["the candidate could win".to_string()])
    );
}

#[test]
fn appositives_take_notes_adverbs_and_possessives() {
    for (text, source) in [
        (
            "Rep. Sander M. Levin (Mich.), a superdelegate, said he has spoken with many.",
            "Rep. Sander M. Levin (Mich.), a superdelegate,",
        ),
        (
            "Levin, a superdelegate supporting Clinton, said he has spoken with many.",
            "Levin, a superdelegate supporting Clinton,",
        ),
        (
            "Estrosi, a former mayor of Nice and currently president of the council, said the truck carried arms.",
            "Estrosi, a former mayor of Nice and currently president of the council,",
        ),
        (
            "Paul Begala, a friend of the couple's, said the president is an asset.",
            "Paul Begala, a friend of the couple's,",
        ),
    ] {
        let all = found(text);
        let said = all
            .iter()
            .find(|a| a.2 == "said")
            .unwrap_or_else(|| panic!("no said in {text}"));
        assert_eq!(said.1, source, "{text}");
    }
    let (_, s, c, _) = one("Mrs. Clinton has since said that she would back a raise.");
    assert_eq!((s.as_str(), c.as_str()), ("Mrs. Clinton", "has since said"));
}

#[test]
fn curly_plural_possessives_and_naming_participles_stay_in_sources() {
    let (_, s, _, _) = one("Jeff Weaver, Sanders\u{2019} campaign manager, said he was happy.");
    assert_eq!(s, "Jeff Weaver, Sanders\u{2019} campaign manager,");
    let (_, s, _, _) = one("\"There never was an order,\" said the base chief known as Bob.");
    assert_eq!(s, "the base chief known as Bob");
}

#[test]
fn a_noun_in_ly_after_a_determiner_ends_a_source_phrase() {
    let (_, s, c, _) = one(
        "Jimmy Ghazal, a man visiting Nice with his family, told ABC News that he was watching.",
    );
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("Jimmy Ghazal, a man visiting Nice with his family,", "told")
    );
}

#[test]
fn asides_and_examples_stay_in_the_subject() {
    for (text, source) in [
        (
            "Gingrich — mentioned by Newsmax as a choice for running mate — told Fox News that it was serious.",
            "Gingrich — mentioned by Newsmax as a choice for running mate —",
        ),
        (
            "Murphy — after a long pause — told me he had been lucky.",
            "Murphy — after a long pause —",
        ),
        (
            "Richard Cross, a staff member for Republicans such as former Gov. Bob Ehrlich, wrote that he penned the remarks.",
            "Richard Cross, a staff member for Republicans such as former Gov. Bob Ehrlich,",
        ),
    ] {
        let (_, s, _, _) = one(text);
        assert_eq!(s, source, "{text}");
    }
}

#[test]
fn sources_after_according_to_keep_slashes_and_timed_participles() {
    let (p, s, _, _) = one(
        "Clinton leads by 20 points, according to a New York Times/CBS News survey released Thursday.",
    );
    assert_eq!(
        (p, s.as_str()),
        (
            Pattern::AccordingTo,
            "a New York Times/CBS News survey released Thursday"
        )
    );
}

#[test]
fn the_object_of_lead_or_leave_speaks_in_the_infinitive() {
    let all = found("The announcement led some allies to speculate that he would quit.");
    let a = all
        .iter()
        .find(|a| a.2.ends_with("speculate"))
        .expect("speculate is a cue");
    assert_eq!(a.1, "some allies");
}

#[test]
fn an_opening_in_phrase_with_a_report_noun_is_a_source() {
    let (p, s, c, content) =
        one("In a national CNN/ORC poll released Monday, 31% of Republicans backed Trump.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (
            Pattern::InSource,
            "a national CNN/ORC poll released Monday",
            "In"
        )
    );
    assert_eq!(content, ["31% of Republicans backed Trump"]);
    // A statement noun is the medium, not the source.
    let (p, s, _, _) = one("In a statement, the company said it would appeal.");
    assert_eq!((p, s.as_str()), (Pattern::SourceCue, "the company"));
    // Closing the sentence, a particular report; not standing "in the polls".
    let (p, s, _, content) = one("Trump has a decisive lead in the latest CNN poll.");
    assert_eq!((p, s.as_str()), (Pattern::InSource, "the latest CNN poll"));
    assert_eq!(content, ["Trump has a decisive lead"]);
    assert!(found("She is still ahead in the polls.").is_empty());
}

#[test]
fn a_new_speaker_after_and_ends_the_previous_content() {
    let all =
        found("Manafort was copied on the questions and Gates said he spoke to Manafort first.");
    assert!(
        all.iter()
            .any(|a| a.1 == "Gates" && a.2 == "said" && a.3 == ["he spoke to Manafort first"]),
        "{all:?}"
    );
    let all = found("The group claimed the attack but officials have said they doubt it.");
    let claimed = all.iter().find(|a| a.2 == "claimed").expect("claimed");
    assert_eq!(claimed.3, ["the attack"]);
    // Thinking goes on with what was said; a pronoun before "and" shares the subject.
    let all = found("Ryan said the bill was dead and Trump thinks it can pass.");
    let said = all.iter().find(|a| a.2 == "said").expect("said");
    assert_eq!(said.3, ["the bill was dead and Trump thinks it can pass"]);
    let all = found("She said she and her peers jokingly referred to it as a club.");
    let said = all.iter().find(|a| a.2 == "said").expect("said");
    assert_eq!(
        said.3,
        ["she and her peers jokingly referred to it as a club"]
    );
}

#[test]
fn not_cues_and_compound_nouns_are_no_cues() {
    assert!(found("Thousands of voters showed up at the polls.").is_empty());
    assert!(found("The bank found itself at the center of the crisis.").is_empty());
    assert!(found("Additional reporting by Jim Finkle in Boston.").is_empty());
    // "add to" increases something; it adds no statement.
    assert!(found("The senator won Ohio, adding to her lead in the race.").is_empty());
    assert!(found("The delays have added to the costs of the project.").is_empty());
    // Idioms of a cue word: a result, a guarantee, a display, a room.
    assert!(found("After a weak showing in Ohio, the governor quit the race.").is_empty());
    assert!(found("With 80 seats at stake, she is assured of winning 40.").is_empty());
    assert!(found("The costs added up to a large bill.").is_empty());
    assert!(found("The fans were showing off their new hats.").is_empty());
    assert!(found("She spoke to reporters in the briefing room on Monday.").is_empty());
    assert!(found("Winning the state is easier said than done.").is_empty());
    // A show is a programme there, whatever word names its kind.
    assert!(found("Her favorite TV shows feature talking animals.").is_empty());
    assert!(found("The talk shows replayed the speech all week.").is_empty());
    // "think tank" is a noun: no cue, and part of the speaker's appositive.
    let (p, s, c, _) = one(
        "\"The risk rises as well,\" said Ben Zipperer, an economist at the Center, a liberal think tank.",
    );
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (
            Pattern::CueSource,
            "Ben Zipperer, an economist at the Center, a liberal think tank",
            "said"
        )
    );
    // The verbs themselves are still cues.
    assert_eq!(one("Polls show that Clinton is ahead.").2, "show");
    assert_eq!(
        one("Investigators found that the brakes failed.").2,
        "found"
    );
}

#[test]
fn appositives_after_a_quote_keep_participles_and_adjectives() {
    let (_, s, _, _) =
        one("\"It is working,\" said Rep. Xavier Becerra, a Democrat supporting Clinton.");
    assert_eq!(s, "Rep. Xavier Becerra, a Democrat supporting Clinton");
    // A participle clause after the name says what the speaker did.
    let (_, s, _, _) = one("\"It is working,\" said Becerra, surrounded by his siblings.");
    assert_eq!(s, "Becerra");
    let (_, s, _, _) = one("\"It's a movement,\" said the younger Mr. Trump.");
    assert_eq!(s, "the younger Mr. Trump");
}

#[test]
fn a_colon_closing_a_paragraph_introduces_the_next_one() {
    let (_, s, c, content) = one(
        "In a speech last July, he said:\n\nLet no one be mistaken. His run is a cancer.\n\nThe crowd cheered.",
    );
    assert_eq!((s.as_str(), c.as_str()), ("he", "said:"));
    assert_eq!(content, ["Let no one be mistaken. His run is a cancer"]);
    // Within a paragraph, a colon with nothing after it introduces nothing.
    assert!(found("In a speech last July, he said:").is_empty());
}

#[test]
fn a_noun_like_cue_after_a_plural_subject_is_a_verb() {
    let (_, s, c, content) = one("He agreed to sell the plane in 2010, records show.");
    assert_eq!((s.as_str(), c.as_str()), ("records", "show"));
    assert_eq!(content, ["He agreed to sell the plane in 2010"]);
    let (_, s, c, _) = one("New filings show it has less than $1.3 million on hand.");
    assert_eq!((s.as_str(), c.as_str()), ("New filings", "show"));
    // A singular noun before it makes it a noun: "the talk show".
    assert!(found("She hosted the talk show.").is_empty());
    // Opening the sentence, the plural has its capital.
    let (_, s, c, content) = one("Surveys show the mayor ahead in the north.");
    assert_eq!((s.as_str(), c.as_str()), ("Surveys", "show"));
    assert_eq!(content, ["the mayor ahead in the north"]);
    let (_, s, c, _) = one("Farmers call it a lost season.");
    assert_eq!((s.as_str(), c.as_str()), ("Farmers", "call"));
}

#[test]
fn a_hearsay_adverb_reports_its_clause_with_no_source() {
    let (p, s, c, content) = one("Khoga was reportedly on that trip with her family.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Hearsay, "", "reportedly")
    );
    assert_eq!(content, ["Khoga was", "on that trip with her family"]);
    // Before a cue verb it belongs to the verb's group.
    let (p, s, c, _) = one("Trump reportedly said he would quit.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::SourceCue, "Trump", "reportedly said")
    );
}

#[test]
fn go_on_to_belongs_to_the_cue_after_it() {
    let (p, s, c, content) = one("She went on to criticize the plan.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::SourceCue, "She", "went on to criticize")
    );
    assert_eq!(content, ["the plan"]);
    // As a participle it stays out: the infinitive takes the main clause's subject.
    let all = found("\"It is insane,\" Sanders said, going on to say that racism persists.");
    assert!(
        all.iter()
            .any(|a| a.1 == "Sanders" && a.2 == "to say" && a.3 == ["racism persists"]),
        "{all:?}"
    );
}

#[test]
fn a_pronoun_and_a_name_make_one_subject() {
    let (_, s, _, content) = one("It is not only about audiences, he and Mr. Allen said.");
    assert_eq!(s, "he and Mr. Allen");
    assert_eq!(content, ["It is not only about audiences"]);
    assert_eq!(
        one("Mr. Allen and he said the plan was dead.").1,
        "Mr. Allen and he"
    );
    // Not a pronoun after a common noun: "he" starts a clause there.
    let all = found("Trump has a bully pulpit and he made clear that he intends to use it.");
    assert!(
        all.iter().any(|a| a.1 == "he" && a.2 == "made clear"),
        "{all:?}"
    );
}

#[test]
fn a_dateline_is_no_subject_and_no_content() {
    let text = "Apology issued.\n\nPHILADELPHIA, July 25 (UPI) — The party issued a statement on Monday, offering an apology to Sanders.";
    let all = found(text);
    let a = all.iter().find(|a| a.2 == "offering").expect("offering");
    assert_eq!((a.0, a.1.as_str()), (Pattern::Participle, "The party"));
    let (_, _, _, content) =
        one("Apology issued.\n\nWASHINGTON (AP) — The deal is dead, according to officials.");
    assert_eq!(content, ["The deal is dead"]);
}

#[test]
fn from_x_to_x_is_no_infinitive() {
    assert!(found("Programs vary from state to state and community to community.").is_empty());
}

#[test]
fn only_a_simple_verb_inverts_after_a_comma() {
    // "has proposed" keeps its subject on the left: no "C, said X" inversion.
    let all = found(
        "Senator Sheldon Whitehouse, a Democrat from Rhode Island, in the name of caution, has proposed taxing carbon.",
    );
    assert!(all.iter().all(|a| a.0 != Pattern::CueSource), "{all:?}");
    let all = found("U.S. officials have, in fact, praised the Saudis for their help.");
    assert!(all.iter().all(|a| a.0 != Pattern::CueSource), "{all:?}");
    // A quotation may hold an auxiliary before a comma.
    let (p, s, _, _) = one("\"Donald is, and always has been, a leader,\" said the 46-year-old.");
    assert_eq!((p, s.as_str()), (Pattern::CueSource, "the 46-year-old"));
}

#[test]
fn the_subject_of_an_infinitive_after_for_or_a_control_verb_speaks() {
    for (text, source) in [
        (
            "It is highly unusual for a sitting judge to weigh in on a campaign.",
            "a sitting judge",
        ),
        (
            "Another method would require delegates to challenge the party rules.",
            "delegates",
        ),
        (
            "The record prompted Smith to state that the county was a bellwether.",
            "Smith",
        ),
    ] {
        let (_, s, _, _) = one(text);
        assert_eq!(s, source, "{text}");
    }
}

#[test]
fn an_infinitive_takes_the_subject_of_the_verb_before_it() {
    for (text, source) in [
        (
            "The debate was so subdued that Mr. Trump was prompted to say that it was civil.",
            "Mr. Trump",
        ),
        (
            "This came up in Ohio, a swing state, where she struggled to demonstrate that she opposed the deal.",
            "she",
        ),
    ] {
        let (_, s, _, _) = one(text);
        assert_eq!(s, source, "{text}");
    }
}

#[test]
fn a_participle_in_an_opening_adjunct_is_no_cue() {
    // "released Thursday" names the statement; Doe is the one who speaks.
    let all = found(
        "In a statement released Thursday, Rep. Jane Doe reacted to the news, saying that the ruling was wrong.",
    );
    assert!(all.iter().all(|a| a.2 != "released"), "{all:?}");
    let saying = all.iter().find(|a| a.2 == "saying").expect("a participle");
    assert_eq!(saying.1, "Rep. Jane Doe");
}

#[test]
fn a_clause_without_that_closes_a_subject() {
    let (_, s, _, _) = one("Voters I've met said the plan was dead.");
    assert_eq!(s, "Voters I've met");
    let (_, s, _, _) = one("Most of the experts we interviewed say the plan is dead.");
    assert_eq!(s, "Most of the experts we interviewed");
}

#[test]
fn a_denied_quantity_is_a_whole_subject() {
    for (text, source) in [
        (
            "Neither Cruz nor Christie said they would back the plan.",
            "Neither Cruz nor Christie",
        ),
        (
            "None of the candidates said they would back the plan.",
            "None of the candidates",
        ),
        (
            "None of those three have declared a preference.",
            "None of those three",
        ),
        ("No one said the plan was dead.", "No one"),
        (
            "Not all voters agreed that the plan was dead.",
            "Not all voters",
        ),
    ] {
        let (_, s, _, _) = one(text);
        assert_eq!(s, source, "{text}");
    }
}

#[test]
fn a_surname_that_is_a_time_word_stays_in_the_name() {
    let (_, s, _, _) = one("Kristen Day said the plan was dead.");
    assert_eq!(s, "Kristen Day");
    let (_, s, _, _) = one("Columnist Ai Jun wrote that the plan was dead.");
    assert_eq!(s, "Columnist Ai Jun");
    // A weekday after a name is still when it was said.
    let (_, s, _, _) = one("Mayor Smith Tuesday said the plan was dead.");
    assert_eq!(s, "Mayor Smith");
}

#[test]
fn only_a_verb_of_speech_inverts_after_a_comma() {
    // "mocked the governor" is a second verb phrase of the senator's, not "C, said X".
    let all = found(
        "The senator has criticized the tone of the race, mocked the governor and his allies, and made it clear that he would not run.",
    );
    assert!(all.iter().all(|a| a.1 == "The senator"), "{all:?}");
    let (p, s, _, _) = one("The plan will fail, wrote the columnist Ana Ruiz.");
    assert_eq!(
        (p, s.as_str()),
        (Pattern::CueSource, "the columnist Ana Ruiz")
    );
}

#[test]
fn some_passives_need_their_agent() {
    assert!(found("The body was found in a field.").is_empty());
    assert!(found("The article was published on Monday.").is_empty());
    let (p, s, _, content) = one("The study was published by the Pew Research Center.");
    assert_eq!(
        (p, s.as_str()),
        (Pattern::Passive, "the Pew Research Center")
    );
    assert_eq!(content, ["The study"]);
}

#[test]
fn a_stative_passive_is_the_subjects_attitude() {
    let (p, s, c, content) = one("Most Republicans are opposed to the deal.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::SourceCue, "Most Republicans", "are opposed to")
    );
    assert_eq!(content, ["the deal"]);
    let (_, s, _, content) = one("The union is worried that the plant will close.");
    assert_eq!(s, "The union");
    assert_eq!(content, ["the plant will close"]);
    // With an agent it is a passive as before.
    let (p, s, _, _) = one("The plan was opposed by Democrats.");
    assert_eq!((p, s.as_str()), (Pattern::Passive, "Democrats"));
}

#[test]
fn said_before_a_speaker_with_a_relative_clause() {
    let (p, s, c, content) =
        one("Said Dorothy Poynter, who grew up with Ali, \"We were all so proud of him.\"");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (
            Pattern::CueSource,
            "Dorothy Poynter, who grew up with Ali,",
            "Said"
        )
    );
    assert_eq!(content, ["\"We were all so proud of him.\""]);
}

#[test]
fn a_negated_verb_after_a_comma_does_not_invert() {
    let (p, s, c, content) =
        one("Trump's opponents said the U.S. should stand with Israel, not declare neutrality.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::SourceCue, "Trump's opponents", "said")
    );
    assert_eq!(
        content,
        ["the U.S. should stand with Israel, not declare neutrality"]
    );
    let all = found("\"We have work to do,\" she told a crowd, then referred to his slogan.");
    assert!(all.iter().all(|a| a.2 != "then referred to"), "{all:?}");
}

#[test]
fn a_new_speaker_after_an_infinitive_and_and() {
    let all = found("The agency declined to comment and Senate aides said the remark was wrong.");
    assert!(
        all.iter()
            .any(|a| a.1 == "The agency" && a.2 == "declined" && a.3 == ["to comment"]),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|a| a.1 == "Senate aides" && a.2 == "said" && a.3 == ["the remark was wrong"]),
        "{all:?}"
    );
}

#[test]
fn a_plural_subject_agrees_with_a_bare_cue_verb() {
    let (_, s, c, content) = one("Increasingly, his supporters claim that the vote was rigged.");
    assert_eq!((s.as_str(), c.as_str()), ("his supporters", "claim"));
    assert_eq!(content, ["the vote was rigged"]);
    // A singular noun in -s is no plural subject.
    assert!(
        found("It said more than the news release.")
            .iter()
            .all(|a| a.2 != "release")
    );
}

#[test]
fn those_with_a_phrase_is_a_subject() {
    let (_, s, c, _) = one("Already, those around him acknowledge that the bid is improbable.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("those around him", "acknowledge")
    );
    let (_, s, _, _) = one("Those close to the campaign say it will end soon.");
    assert_eq!(s, "Those close to the campaign");
}

#[test]
fn a_subject_starts_after_a_subordinator() {
    for text in [
        "The issue arose after Mr. Trump said he would go.",
        "The issue came up after Mr. Trump said he would go.",
    ] {
        let (p, s, c, _) = one(text);
        assert_eq!(
            (p, s.as_str(), c.as_str()),
            (Pattern::SourceCue, "Mr. Trump", "said"),
            "{text}"
        );
    }
    // Inside a relative clause it belongs to the phrase.
    let (_, s, _, _) = one("The polling that was done before the primary showed a tie.");
    assert_eq!(s, "The polling that was done before the primary");
}

#[test]
fn a_quote_sentence_before_the_speaker_is_what_was_said() {
    for (text, cue, quote) in [
        (
            "\"Why are you still endorsing him?\" Obama asked Republican politicians.",
            "asked",
            "\"Why are you still endorsing him?\"",
        ),
        (
            "\"What does that mean?\" Mr. Trump asked, repeating a broadside.",
            "asked",
            "\"What does that mean?\"",
        ),
        (
            "\"Who do they think they are?\" Trump said of Apple in February.",
            "said",
            "\"Who do they think they are?\"",
        ),
    ] {
        let all = found(text);
        assert!(
            all.iter()
                .any(|a| a.0 == Pattern::ContentFirst && a.2 == cue && a.3 == [quote]),
            "{text}: {all:?}"
        );
    }
    // A clause after the cue is what was said.
    let all = found("\"We won.\" He said the party would now unite.");
    assert!(
        all.iter()
            .any(|a| a.2 == "said" && a.3 == ["the party would now unite"]),
        "{all:?}"
    );
}

#[test]
fn a_single_quote_closes_inside_a_doubled_one() {
    let (p, s, c, content) =
        one("''I would use the word 'old-school,''' said Gregory Slayton, whom Bush appointed.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (
            Pattern::CueSource,
            "Gregory Slayton, whom Bush appointed",
            "said"
        )
    );
    assert_eq!(content, ["''I would use the word 'old-school,'''"]);
}

#[test]
fn manner_of_speaking_verbs_need_speech() {
    let (p, s, c, _) = one("\"It is over,\" she snapped.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::ContentFirst, "she", "snapped")
    );
    let (_, s, c, content) = one("Hillary shot back, \"I chose to fulfill my profession.\"");
    assert_eq!((s.as_str(), c.as_str()), ("Hillary", "shot back"));
    assert_eq!(content, ["\"I chose to fulfill my profession.\""]);
    assert!(found("The dog barked at the mail carrier.").is_empty());
    assert!(found("Markets snapped back on Monday.").is_empty());
    let (_, s, c, content) = one("She went on: \"It is like a leaking roof.\"");
    assert_eq!((s.as_str(), c.as_str()), ("She", "went on:"));
    assert_eq!(content, ["\"It is like a leaking roof.\""]);
    assert!(found("The talks went on for hours.").is_empty());
    assert!(found("He went on to win the race.").is_empty());
    // "going" alone starts no cue, so it does not end the source.
    let (_, s, _, _) = one("\"We are not free,\" tweeted a user going by the handle Pulvermann.");
    assert_eq!(s, "a user going by the handle Pulvermann");
}

#[test]
fn a_title_after_the_medium_is_not_what_was_said() {
    let (p, s, _, content) = one(
        "The revolution dampened plans to return home, Mr. Rubio said in his book, ''An American Son.''",
    );
    assert_eq!((p, s.as_str()), (Pattern::ContentFirst, "Mr. Rubio"));
    assert_eq!(content, ["The revolution dampened plans to return home"]);
    // A chant or a one-word answer is speech.
    let (_, _, _, content) = one("The crowd chanted at the rally, \"Lock her up!\"");
    assert_eq!(content, ["\"Lock her up!\""]);
}

#[test]
fn a_lone_participle_or_adverb_is_no_source() {
    assert!(
        found("The clashes continued, raising fears that the violence will spread.").is_empty()
    );
    let (_, s, _, _) = one("Raising taxes is popular, polls show.");
    assert_eq!(s, "polls");
}

#[test]
fn a_clause_that_would_leave_nothing_said_is_inside_what_was_said() {
    // Cutting "the Senate will vote" off would leave "when, or if," with no words.
    let (_, s, c, content) = one(
        "McConnell spokesman Don Stewart wouldn't say when, or if, the Senate will vote to confirm the nominees.",
    );
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("McConnell spokesman Don Stewart", "wouldn't say")
    );
    assert_eq!(
        content,
        ["when, or if, the Senate will vote to confirm the nominees"]
    );
    let all = found("They want safe homes. They want — they don't want to be profiled.");
    assert!(all.iter().all(|a| !a.3.is_empty()), "{all:?}");
}

#[test]
fn us_in_capitals_is_the_country() {
    let (p, s, _, content) =
        one("\"Alabama is proud to vote for Trump!\" US Senator Jeff Sessions said as he began.");
    assert_eq!(
        (p, s.as_str()),
        (Pattern::ContentFirst, "US Senator Jeff Sessions")
    );
    assert_eq!(content, ["\"Alabama is proud to vote for Trump!\""]);
}

#[test]
fn a_programme_named_in_quotes_is_not_what_was_said() {
    let (p, s, c, content) =
        one("The deal was dead, he said Wednesday morning on MSNBC’s “Morning Joe.”");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::ContentFirst, "he", "said")
    );
    assert_eq!(content, ["The deal was dead"]);
    let (_, _, _, content) =
        one("But he told ABC’s “Good Morning America” that he agrees with the plan.");
    assert_eq!(content, ["he agrees with the plan"]);
    let (p, s, _, content) = one("“We have to act,” the senator told “Fox and Friends” on Monday.");
    assert_eq!((p, s.as_str()), (Pattern::ContentFirst, "the senator"));
    assert_eq!(content, ["“We have to act,”"]);
}

#[test]
fn a_participle_set_off_inside_a_subject_is_the_subjects() {
    let all = found("As Pena Nieto, contradicting Trump, said the talks had failed.");
    let speakers: Vec<(&str, &str)> = all.iter().map(|a| (a.1.as_str(), a.2.as_str())).collect();
    assert_eq!(
        speakers,
        [("Pena Nieto", "contradicting"), ("Pena Nieto", "said")]
    );
    assert_eq!(all[1].3, ["the talks had failed"]);
    // A bare list of participles is no aside.
    assert!(found("Dozens of children are beaten, chained, attacked or abused.").is_empty());
}

#[test]
fn an_opening_clause_ends_at_its_comma() {
    let (_, s, c, content) = one(
        "By the time the primaries concluded, as many as 40 percent of voters said they could not back him.",
    );
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("as many as 40 percent of voters", "said")
    );
    assert_eq!(content, ["they could not back him"]);
}

#[test]
fn fractions_and_counts_stand_for_their_nouns() {
    let (_, s, _, _) = one("As many as three-fourths of them tell pollsters they dislike him.");
    assert_eq!(s, "As many as three-fourths of them");
    let all =
        found("In all, 520 have said they support Clinton, and 39 have said they support Sanders.");
    let speakers: Vec<&str> = all.iter().map(|a| a.1.as_str()).collect();
    assert_eq!(speakers, ["520", "39"]);
    assert_eq!(all[0].3, ["they support Clinton"]);
    // A year is no count, and "pledged delegates" are delegates.
    assert!(
        found("McConnell, who in 2010 said the goal was clear, left.")
            .iter()
            .all(|a| a.1 != "2010")
    );
    assert!(found("Clinton won 60 pledged delegates on Tuesday.").is_empty());
}

#[test]
fn a_relative_pronoun_before_the_speaker_is_part_of_what_was_said() {
    let all = found("Trump cited the policies, which he said had harmed the economy.");
    let got: Vec<(&str, &str, Vec<&str>)> = all
        .iter()
        .map(|a| {
            (
                a.1.as_str(),
                a.2.as_str(),
                a.3.iter().map(|c| c.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Trump", "cited", vec!["the policies"]),
            ("he", "said", vec!["which", "had harmed the economy"]),
        ]
    );
    // "that" after a name is a complementizer, and what follows has its own subject.
    let (_, _, _, content) =
        one("Peter Cook told the Times that Carter believes his use of email was fine.");
    assert_eq!(content, ["Carter believes his use of email was fine"]);
}

#[test]
fn appositives_with_a_title_or_only() {
    let (_, s, _, content) =
        one("Hemsley, the co-author of \"Going Viral,\" said the days are gone.");
    assert_eq!(s, "Hemsley, the co-author of \"Going Viral,\"");
    assert_eq!(content, ["the days are gone"]);
    let (_, s, _, _) = one("Ada Fisher, one of only a handful of members, said Trump will win.");
    assert_eq!(s, "Ada Fisher, one of only a handful of members,");
    // "the day before" after a cue is still a time adjunct.
    let (_, _, _, content) = one("He said the day before that the deal was off.");
    assert_eq!(content, ["the deal was off"]);
}

#[test]
fn brackets_close_what_was_said() {
    let all = found("The crowd booed. (“I don’t want a fight,” said one party activist.)");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(
        (all[0].1.as_str(), all[0].2.as_str()),
        ("one party activist", "said")
    );
    assert_eq!(all[0].3, ["“I don’t want a fight,”"]);
    let (_, _, _, content) = one("The crowd booed (one activist said it was unfair) and left.");
    assert_eq!(content, ["it was unfair"]);
}

#[test]
fn an_including_list_belongs_to_the_subject() {
    let (_, s, c, _) = one(
        "Several fact checkers, including The Washington Post, have pointed out that it was wrong.",
    );
    assert_eq!(
        (s.as_str(), c.as_str()),
        (
            "Several fact checkers, including The Washington Post,",
            "have pointed out"
        )
    );
}

#[test]
fn a_subject_starts_after_what_as_or_a_complementizer() {
    let speaker = |t: &str| one(t).1;
    assert_eq!(
        speaker("It was what former employees have called a toxic culture."),
        "former employees"
    );
    assert_eq!(
        speaker("The debate took place as a new poll showed Trump ahead."),
        "a new poll"
    );
    // ("that" opens what was said, and is no hearer of "warn")
    let all = found("Critics warn that homeland security experts say walls fail.");
    let got: Vec<(&str, &str, &str)> = all
        .iter()
        .map(|a| (a.1.as_str(), a.2.as_str(), a.3[0].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Critics",
                "warn",
                "homeland security experts say walls fail"
            ),
            ("homeland security experts", "say", "walls fail")
        ]
    );
    // Not "as many as", nor after a participle.
    assert_eq!(
        speaker("By then, as many as 30 percent of voters said they would stay home."),
        "as many as 30 percent of voters"
    );
    assert_eq!(
        speaker("Voters registered as Democrats said they would stay home."),
        "Voters registered as Democrats"
    );
}

/// Every word `quantifier` and `quantity_hedge` look for is flagged `QUANTITY` in
/// the compiled pack, however it is written, and words of no such list are not.
#[test]
fn quantity_words_are_flagged_in_the_pack() {
    use crate::pack::wf;
    let pack = test_pack();
    let flagged = |text: &str| {
        let p = read(Document::new("t", text), pack);
        p.tokens.len() == 1 && pack.is(p.tokens[0].word, wf::QUANTITY)
    };
    for w in super::QUANTITY_WORDS.iter().flat_map(|l| l.iter()) {
        let mut title = w.to_string();
        title[..1].make_ascii_uppercase();
        for form in [w.to_string(), title, w.to_uppercase()] {
            assert!(flagged(&form), "{form:?} is not flagged QUANTITY");
        }
    }
    for w in ["the", "said", "people", "seventy", "under"] {
        assert!(!flagged(w), "{w:?} is flagged QUANTITY");
    }
}

/// The flag test in front of `quantifier` and `quantity_hedge` passes over no
/// quantity they find.
#[test]
fn quantifiers_and_hedges_behind_the_flag() {
    let pack = test_pack();
    let p = read(
        Document::new(
            "t",
            "Many said. OTHERS agreed. Nearly 10 percent left. As many as 40 stayed. \
             More than six voted. At least 10 came. The senator said.",
        ),
        pack,
    );
    let cx = super::phrase::Ctx::new(&p, pack);
    let words: Vec<&str> = (0..p.tokens.len()).map(|i| cx.text(i)).collect();
    let at = |w: &str| words.iter().position(|x| *x == w).unwrap();
    assert!(cx.quantifier(at("Many")));
    assert!(cx.quantifier(at("OTHERS")));
    assert!(!cx.quantifier(at("senator")));
    assert!(!cx.quantifier(at("The")));
    let end = p.tokens.len();
    assert_eq!(cx.quantity_hedge(at("Nearly"), end), 1);
    assert_eq!(cx.quantity_hedge(at("As"), end), 3);
    assert_eq!(cx.quantity_hedge(at("More"), end), 2);
    assert_eq!(cx.quantity_hedge(at("At"), end), 2);
    assert_eq!(cx.quantity_hedge(at("senator"), end), 0);
    assert_eq!(cx.quantity_hedge(end + 3, end + 5), 0);
}

/// Extraction on every text fixture runs (the unit tests check quick tests against
/// the searches they shorten, such as `np_may_start` in `subject_before`).
#[test]
fn text_fixtures_extract() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "md")
        ) {
            let text = std::fs::read_to_string(&path).unwrap();
            let p = read(Document::new("t", &text), test_pack());
            extract(&p, test_pack());
            n += 1;
        }
    }
    assert!(n > 5, "{n} fixtures");
}

/// `np_may_start` holds wherever a noun phrase starts, at every end, in texts with
/// each of `np_valid`'s opening cases.
#[test]
fn np_may_start_holds_where_a_phrase_starts() {
    let pack = test_pack();
    let p = read(
        Document::new(
            "t",
            "He himself said it. Early results of exit polls showed. The two said. \
             Two-thirds of them said. Many said, and some of them left. Those close to \
             the campaign said. Nearly 10 percent said. At least six in 10 voters said. \
             Mr. Allen and he said. Officials, 39 of them, have said. As many as 40 \
             people said. More than half of us said.",
        ),
        pack,
    );
    let cx = super::phrase::Ctx::new(&p, pack);
    let n = p.tokens.len();
    let mut phrases = 0;
    for s in 0..n {
        for e in s + 1..=n {
            if cx.np_valid(s, e) {
                phrases += 1;
                assert!(cx.np_may_start(s), "{:?}", p.slice(p.tokens[s].span));
            }
        }
    }
    assert!(phrases > 20, "{phrases} phrases");
}

/// Each sentence's first colon is known, wherever it stands.
#[test]
fn sentences_know_their_first_colon() {
    let pack = test_pack();
    let p = read(
        Document::new(
            "t",
            "No colon here. Note: one: two. \u{201C}Quoted: yes.\u{201D}",
        ),
        pack,
    );
    let cx = super::phrase::Ctx::new(&p, pack);
    let colons: Vec<Option<&str>> = (0..p.sentences.len())
        .map(|si| {
            cx.first_colon(si)
                .map(|k| p.slice(p.span_of(p.sentences[si].tokens.start..k + 1)))
        })
        .collect();
    assert_eq!(colons, [None, Some("Note:"), Some("\u{201C}Quoted:")]);
}

/// Each sentence's first word that may start a `received` phrase is known.
#[test]
fn sentences_know_their_first_received_word() {
    let pack = test_pack();
    let p = read(
        Document::new("t", "No such word. The plan drew criticism from Democrats."),
        pack,
    );
    let cx = super::phrase::Ctx::new(&p, pack);
    let first: Vec<Option<&str>> = (0..p.sentences.len())
        .map(|si| cx.first_received(si).map(|k| cx.text(k)))
        .collect();
    assert_eq!(first, [None, Some("criticism")]);
}

/// `is_in` is `lower_is(_, &["in"])`, in any case, but for "in" and a period.
#[test]
fn is_in_reads_the_word_in_any_case() {
    let pack = test_pack();
    let p = read(
        Document::new("t", "In the poll, IN 2016, iN the end, in. Inside into in."),
        pack,
    );
    let cx = super::phrase::Ctx::new(&p, pack);
    for k in 0..p.tokens.len() + 2 {
        assert_eq!(cx.is_in(k), cx.lower_is(k, &["in"]), "{k}");
    }
    assert_eq!((0..p.tokens.len()).filter(|&k| cx.is_in(k)).count(), 5);
}

/// A text with no quote marks has no quote around any token; one with a quote has it
/// around its marks and words only.
#[test]
fn quotes_contain_their_tokens_only() {
    let pack = test_pack();
    let p = read(Document::new("t", "He said no. Then he left."), pack);
    let cx = super::phrase::Ctx::new(&p, pack);
    assert!(cx.quotes.spans.is_empty());
    assert!((0..p.tokens.len() + 2).all(|i| cx.quotes.containing(i).is_none()));
    let p = read(Document::new("t", "He said \"no way\" and left."), pack);
    let cx = super::phrase::Ctx::new(&p, pack);
    let inside: Vec<bool> = (0..p.tokens.len())
        .map(|i| cx.quotes.containing(i).is_some())
        .collect();
    assert_eq!(
        inside,
        [false, false, true, true, true, true, false, false, false]
    );
}

#[test]
fn a_scare_quote_inside_the_subject_clause_does_not_end_it() {
    for text in [
        "Humphrey, who called Trump a “sociopath,” said the effort needs an alternative.",
        "Humphrey, who called Trump a “sociopath”, said the effort needs an alternative.",
    ] {
        let all = found(text);
        let said = all.iter().find(|a| a.2 == "said").expect(text);
        assert!(
            said.1.starts_with("Humphrey, who called"),
            "{text}: {said:?}"
        );
        assert_eq!(said.3, ["the effort needs an alternative"], "{text}");
    }
    // A closing mark after a comma ends an opening clause: the subject starts after it.
    let all = found(
        "During an interview broadcast on Wednesday’s “MSNBC Live,” Marcel Lehel, the hacker \
         known as “Guccifer,” stated that he had access.",
    );
    let stated = all
        .iter()
        .find(|a| a.2 == "stated")
        .expect("stated is a cue");
    assert_eq!(stated.1, "Marcel Lehel, the hacker known as “Guccifer,”");
}

#[test]
fn a_participle_after_the_subject_noun_is_part_of_the_subject() {
    for (text, source, cue) in [
        (
            "A news report published Wednesday said Carter used a personal email.",
            "A news report published Wednesday",
            "said",
        ),
        (
            "New polls released Sunday showed Clinton taking a lead.",
            "New polls released Sunday",
            "showed",
        ),
        (
            "\"Its value is speculative,\" the order released Friday said.",
            "the order released Friday",
            "said",
        ),
    ] {
        let all = found(text);
        assert!(
            all.iter().all(|a| a.2 != "published" && a.2 != "released"),
            "{text}: {all:?}"
        );
        assert!(
            all.iter().any(|a| a.1 == source && a.2 == cue),
            "{text}: {all:?}"
        );
    }
    // The verb after "to" or a relative pronoun has a subject of its own.
    let all = found("Sanders aides declined to confirm the buys.");
    assert!(all.iter().any(|a| a.2 == "declined to confirm"), "{all:?}");
    let all = found("An article cited by her campaign quoted experts who have found no evidence.");
    assert!(
        all.iter()
            .any(|a| a.2 == "quoted" && a.1 == "An article cited by her campaign"),
        "{all:?}"
    );
}

#[test]
fn a_relative_clause_in_the_subject_ends_at_the_main_verb() {
    let all =
        found("Hawkins and others who want to ban abortion said Monday's decision was wrong.");
    let want = all.iter().find(|a| a.2 == "want").expect("want is a cue");
    assert_eq!(want.3, ["to ban abortion"]);
    let said = all.iter().find(|a| a.2 == "said").expect("said is a cue");
    assert_eq!(
        (said.1.as_str(), said.3.clone()),
        (
            "Hawkins and others who want to ban abortion",
            vec!["Monday's decision was wrong".to_string()]
        )
    );
    // Nothing said before the main verb: no attribution for the relative clause.
    let all = found(
        "Laurence Meyer, a former Fed governor who argued with Ms. Brainard at the conference, \
         said in an interview that Congress had instructed the Fed.",
    );
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].2, "said");
    assert_eq!(all[0].3, ["Congress had instructed the Fed"]);
    // A headline's passive is no main verb: the relative clause runs on (read as a
    // main verb, an Emergent headline became the outlet stating the killing).
    let all = found("Leader who ordered mall massacre believed killed in drone attack");
    assert!(all.iter().all(|a| a.2 != "believed"), "{all:?}");
    // A verb with a subject of its own, after an auxiliary or in base form goes on.
    for (text, cue, content) in [
        (
            "They are people who will believe anything he says.",
            "will believe",
            "anything he says",
        ),
        (
            "They are voters who concluded Obama would get the economy back on track.",
            "concluded",
            "Obama would get the economy back on track",
        ),
    ] {
        let all = found(text);
        let a = all.iter().find(|a| a.2 == cue).expect(text);
        assert_eq!(a.3, [content], "{text}");
    }
}

#[test]
fn a_poll_ratio_is_a_source() {
    for (text, source) in [
        ("4 in 10 said Trump would be best.", "4 in 10"),
        (
            "More than 6 in 10 said Trump would be best.",
            "More than 6 in 10",
        ),
        (
            "Six in 10 voters said Trump would be best.",
            "Six in 10 voters",
        ),
    ] {
        let (_, s, c, content) = one(text);
        assert_eq!((s.as_str(), c.as_str()), (source, "said"), "{text}");
        assert_eq!(content, ["Trump would be best"], "{text}");
    }
    // A second poll finding after ", and" is a sibling, not part of the first.
    let all =
        found("Voters said they were worried, and more than 4 in 10 said Trump would be best.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[0].3, ["they were worried"]);
    assert_eq!(all[1].1, "more than 4 in 10");
}

#[test]
fn adjectives_before_that_are_their_subjects_view() {
    let (p, s, c, content) = one("The growers were confident that prices would recover.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::SourceCue, "The growers", "were confident")
    );
    assert_eq!(content, ["prices would recover"]);
    // An adjective ending like a participle is no passive report.
    let (_, s, c, content) = one("Her aides remain convinced that the vote can be won.");
    assert_eq!((s.as_str(), c.as_str()), ("Her aides", "remain convinced"));
    assert_eq!(content, ["the vote can be won"]);
    // Without "that", no cue.
    assert!(found("The growers were confident and cheerful all spring.").is_empty());
}

#[test]
fn adjectives_of_stance_are_cues_with_their_verb_group() {
    for (text, cue, content) in [
        (
            "Cruz has been critical of the deal.",
            "has been critical of",
            "the deal",
        ),
        (
            "She was especially supportive of the bill.",
            "was especially supportive of",
            "the bill",
        ),
        (
            "Democratic leaders are wary of steering left.",
            "are wary of",
            "steering left",
        ),
        (
            "Mr. Hurt is eager to get the book out.",
            "is eager to",
            "get the book out",
        ),
    ] {
        let (_, _, c, found_content) = one(text);
        assert_eq!(
            (c.as_str(), found_content),
            (cue, vec![content.to_string()]),
            "{text}"
        );
    }
}

#[test]
fn considering_and_realizing_are_cues() {
    let (_, s, c, content) = one("Many voters consider him a threat to democracy.");
    assert_eq!((s.as_str(), c.as_str()), ("Many voters", "consider"));
    assert_eq!(content, ["him a threat to democracy"]);
    let (_, s, c, content) = one("He realized that the campaign was over.");
    assert_eq!((s.as_str(), c.as_str()), ("He", "realized"));
    assert_eq!(content, ["the campaign was over"]);
}

#[test]
fn quote_sentence_opening_with_a_preposition_is_no_opening_clause() {
    // "During" ends in "-ing" but opens no participle clause, and a sentence inside
    // a quotation opened earlier opens none either.
    let (p, s, c, content) =
        one("“We reached a deal. During the talks, I want calm,” Okafor said.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::ContentFirst, "Okafor", "said")
    );
    assert_eq!(
        content,
        ["“We reached a deal. During the talks, I want calm,”"]
    );
}

#[test]
fn plural_possessive_inside_a_relative_clause_of_the_subject() {
    let (_, s, c, content) = one(
        "Lee, whose training was paid for because he joined the Reserve Officers’ Training Corps, said the program works.",
    );
    assert_eq!(
        (s.as_str(), c.as_str()),
        (
            "Lee, whose training was paid for because he joined the Reserve Officers’ Training Corps,",
            "said"
        )
    );
    assert_eq!(content, ["the program works"]);
}

#[test]
fn opening_subordinate_clause_before_a_coordinated_cue() {
    let all = found("When asked whom she backed, Ms. Reyes smiled and said, “I am waiting.”");
    assert!(
        all.iter().any(|(p, s, c, q)| *p == Pattern::Coordinated
            && s == "Ms. Reyes"
            && c == "said"
            && q == &["“I am waiting.”"]),
        "{all:?}"
    );
    // The clause ends at its last comma, not at an appositive's.
    let all = found(
        "When Tom Hale, the mayor, was asked about the vote, he laughed and said, “We will see.”",
    );
    assert!(
        all.iter()
            .any(|(p, s, c, _)| *p == Pattern::Coordinated && s == "he" && c == "said"),
        "{all:?}"
    );
}

#[test]
fn appositive_with_a_relative_clause_then_an_object_pronoun() {
    // "it" after the cue is its object, not an inverted source.
    let (p, s, c, content) = one(
        "Ana Ruiz, a lawyer at the firm who once worked for Sen. Jo Smith (D-Ore.), one of the bill's authors, called it “a breakthrough.”",
    );
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (
            Pattern::SourceCue,
            "Ana Ruiz, a lawyer at the firm who once worked for Sen. Jo Smith (D-Ore.), one of the bill's authors,",
            "called"
        )
    );
    assert_eq!(content, ["it “a breakthrough.”"]);
}

#[test]
fn state_after_an_opening_adjunct_is_no_subject() {
    // "Va." is an abbreviation that ends no sentence, and it closes the adjunct.
    let (_, s, c, content) =
        one("In a federal court in Richmond, Va., Ortiz, in a gray suit, said the deal was fair.");
    assert_eq!((s.as_str(), c.as_str()), ("Ortiz", "said"));
    assert_eq!(content, ["the deal was fair"]);
    // Nor is the adjunct what was said.
    assert!(found("In a federal court in Richmond, Va., Ortiz said little.").is_empty());
}

#[test]
fn demonstrative_and_verb_make_a_clause() {
    let (p, s, c, content) = one("This is about me, Obama said.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::ContentFirst, "Obama", "said")
    );
    assert_eq!(content, ["This is about me"]);
}

#[test]
fn coordinated_subjects_and_name_lists() {
    for (text, source) in [
        (
            "She and her aides said the plan was dead.",
            "She and her aides",
        ),
        (
            "Ana Ruiz, Tom Hale, Jo Smith and other mayors said the plan was dead.",
            "Ana Ruiz, Tom Hale, Jo Smith and other mayors",
        ),
        (
            "President Ruiz, Mayor Hale, and other officials said the plan was dead.",
            "President Ruiz, Mayor Hale, and other officials",
        ),
        // Not over an opening adjunct, nor over a state after a place.
        (
            "In Iowa, Smith and Jones said the plan was dead.",
            "Smith and Jones",
        ),
        (
            "Voters in Eugene, Ore., and many candidates said the plan was dead.",
            "many candidates",
        ),
    ] {
        let (_, s, _, content) = one(text);
        assert_eq!(
            (s.as_str(), content),
            (source, vec!["the plan was dead".to_string()]),
            "{text}"
        );
    }
}

#[test]
fn noun_like_cue_next_to_a_quote_is_a_verb() {
    let (p, s, c, content) = one("“Come to Louisiana,” the editorial read.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::ContentFirst, "the editorial", "read")
    );
    assert_eq!(content, ["“Come to Louisiana,”"]);
    let (p, s, c, _) = one("“We can only wonder,” states the letter.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::CueSource, "the letter", "states")
    );
    // Elsewhere the noun reading stands.
    let all = found("“We will win,” he said about the swing states.");
    assert_eq!(all.len(), 1, "{all:?}");
}

#[test]
fn possessive_pronoun_owns_a_statement_noun() {
    for (text, source, cue) in [
        (
            "The vote followed his insistence that the budget would balance.",
            "his",
            "insistence",
        ),
        (
            "Critics seized on her remark that the budget would balance.",
            "her",
            "remark",
        ),
        (
            "The vote followed the council's contention that the budget would balance.",
            "the council",
            "contention",
        ),
    ] {
        let (p, s, c, content) = one(text);
        assert_eq!(
            (p, s.as_str(), c.as_str()),
            (Pattern::Possessive, source, cue),
            "{text}"
        );
        assert_eq!(content, ["the budget would balance"], "{text}");
    }
}

#[test]
fn said_name_colon_quote() {
    let (p, s, c, content) = one("Said Ortiz: “The deal is fair.”");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::CueSource, "Ortiz", "Said")
    );
    assert_eq!(content, ["“The deal is fair.”"]);
}

#[test]
fn appositive_with_a_that_relative_clause() {
    let (_, s, c, content) =
        one("The Port Authority, the agency that runs the docks, said the strike would end.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        (
            "The Port Authority, the agency that runs the docks,",
            "said"
        )
    );
    assert_eq!(content, ["the strike would end"]);
}

#[test]
fn comma_inside_an_unclosed_quote_is_no_clause_end() {
    // An unclosed quote "ends" at the paragraph's last token; stepping past it used
    // to index beyond the tokens (found by the robustness property test).
    assert!(found("but said \" , said").is_empty());
}

#[test]
fn compound_word_does_not_end_a_borrowed_subject() {
    // "owned" after the hyphen is the compound's second part, not a past-tense verb.
    let (p, s, c, _) = one("The state-owned giant CITIC runs a field and says it has a fund.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Coordinated, "The state-owned giant CITIC", "says")
    );
}

#[test]
fn ordinal_between_modifier_and_noun() {
    let (_, s, _, _) = one("The former first lady calls it her responsibility gene.");
    assert_eq!(s, "The former first lady");
    let (_, s, _, _) = one("Former first lady Barbara Bush said it was fine.");
    assert_eq!(s, "Former first lady Barbara Bush");
    // A sentence adverb after a name is no modifier: the -ed word is a verb.
    let (_, s, c, _) = one("Sanders instead delivered his stump speech, decrying big money.");
    assert_eq!((s.as_str(), c.as_str()), ("Sanders", "decrying"));
}

#[test]
fn relative_clause_without_that_has_its_own_subject() {
    let (_, s, c, _) = one("That is the reason President Obama is seeking approval of the deal.");
    assert_eq!((s.as_str(), c.as_str()), ("President Obama", "is seeking"));
    let (_, s, c, _) = one("The switch is something Sanders aides argue is possible.");
    assert_eq!((s.as_str(), c.as_str()), ("Sanders aides", "argue"));
    // A gerund after "time" is no subject.
    let (_, s, _, _) =
        one("Clinton has spent most of her time campaigning in Ohio without mentioning Sanders.");
    assert_eq!(s, "Clinton");
}

#[test]
fn list_of_names_after_a_preposition_in_the_subject() {
    let (_, s, _, _) =
        one("Most Republican voters in Alabama, Georgia and Virginia say they want a wall.");
    assert_eq!(s, "Most Republican voters in Alabama, Georgia and Virginia");
    // An opening adjunct is no part of the subject; nor is an appositive's noun.
    let (_, s, _, _) = one("In New York, Trump and Pence said it was fine.");
    assert_eq!(s, "Trump and Pence");
    let (_, s, _, _) = one("A defender of RT America, Mr. Schultz likened RT to the BBC.");
    assert_eq!(s, "Mr. Schultz");
    // An interjected cue takes the name before it alone.
    let all = found("But supporters in Iowa, Clinton and Kaine said, are loyal.");
    assert!(all.iter().any(|a| a.1 == "Clinton and Kaine"), "{all:?}");
}

#[test]
fn appositive_that_dates_a_role() {
    let (_, s, _, _) = one("James B. Cunningham, then ambassador to Israel, said it was fine.");
    assert_eq!(s, "James B. Cunningham, then ambassador to Israel,");
    let (_, s, _, _) = one("It was fine, said James B. Cunningham, then ambassador to Israel.");
    assert_eq!(s, "James B. Cunningham, then ambassador to Israel");
    // "then" and a verb is what the speaker did next.
    let (_, s, _, content) = one("It was fine, said Smith, then left the room.");
    assert_eq!(
        (s.as_str(), content),
        ("Smith", vec!["It was fine".to_string()])
    );
}

#[test]
fn a_report_keeps_its_date_a_speaker_does_not() {
    let (_, s, _, _) = one("A CNN/ORC poll in January found that Trump led.");
    assert_eq!(s, "A CNN/ORC poll in January");
    let (_, s, _, _) = one("Trump on Tuesday said it was fine.");
    assert_eq!(s, "Trump");
}

#[test]
fn coordinated_subjects_over_notes_and_adverbs() {
    let (_, s, _, _) = one("Other candidates and even a prominent columnist said it was fine.");
    assert_eq!(s, "Other candidates and even a prominent columnist");
    let (_, s, _, _) =
        one("Former Gov. Martin O’Malley (D) and former Gov. Mike Huckabee (R) said it was fine.");
    assert_eq!(
        s,
        "Former Gov. Martin O’Malley (D) and former Gov. Mike Huckabee (R)"
    );
    // A bracketed number is no name's note.
    let (_, s, _, _) = one("After the vote (52 to 48) and the debate, Trump said it was fine.");
    assert_eq!(s, "Trump");
}

#[test]
fn adverb_before_a_name_opens_no_adjunct() {
    let (p, s, _, _) = one("Now Donald Trump, a candidate, is promising to create a spectacle.");
    assert_eq!(
        (p, s.as_str()),
        (Pattern::Participle, "Donald Trump, a candidate")
    );
    // A capitalised day is a time, not a name.
    let (_, s, _, _) = one("Later Tuesday, Trump struck a tone, saying it was fine.");
    assert_eq!(s, "Trump");
}

#[test]
fn preposition_listed_as_adjective_modifies_a_noun() {
    let (_, s, _, _) = one("Aides and outside advisers to Clinton said it was fine.");
    assert_eq!(s, "Aides and outside advisers to Clinton");
    let (_, s, _, _) = one("An inside source said it was fine.");
    assert_eq!(s, "An inside source");
    let (_, s, _, _) = one("Inside, officials said it was fine.");
    assert_eq!(s, "officials");
}

#[test]
fn no_subject_ends_in_a_conjunction() {
    // The reduced relative "killed on Thursday" must not run on over "and".
    let (p, s, _, _) = one(
        "President Obama met relatives of the 49 people killed on Thursday and said the nation must act.",
    );
    assert_eq!((p, s.as_str()), (Pattern::Coordinated, "President Obama"));
}

#[test]
fn opening_participle_clause_is_no_borrowed_subject() {
    let (p, s, _, _) = one(
        "Walking to the next address, Ebeling reminisced about her youth, and said their views had changed.",
    );
    assert_eq!((p, s.as_str()), (Pattern::Coordinated, "Ebeling"));
    // "Leading Republicans" is a subject, not an opening clause.
    let all = found("Leading Republicans, including Ryan, criticized the plan, saying it was bad.");
    assert!(
        all.iter().all(|a| a.1.starts_with("Leading Republicans")),
        "{all:?}"
    );
}

#[test]
fn whether_opens_a_clause_with_its_own_subject() {
    let all = found("Sullivan put off deciding whether Judicial Watch could question Clinton.");
    assert!(all.iter().all(|a| a.1 == "Judicial Watch"), "{all:?}");
}

#[test]
fn coordinated_verb_in_a_subordinate_clause_shares_its_subject() {
    let all = found(
        "Union leaders distrust him because he favors right-to-work laws and opposes a wage rise.",
    );
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(
        (all[0].0, all[0].1.as_str(), all[0].2.as_str()),
        (Pattern::SourceCue, "he", "favors")
    );
    assert_eq!(
        (all[1].0, all[1].1.as_str(), all[1].2.as_str()),
        (Pattern::Coordinated, "he", "opposes")
    );
    // "after" here is a preposition, not a subordinator.
    let all = found("Trump went after Clinton for following Obama and called for her to quit.");
    let called = all
        .iter()
        .find(|a| a.2 == "called for")
        .expect("called for");
    assert_eq!(called.1, "Trump");
}

#[test]
fn participle_after_a_closed_clause_takes_the_main_subject() {
    let all = found(
        "While Mr. Ryan is an advocate of trade deals and wrote a bill that gave Obama authority, Mr. Trump is vocal in opposing free trade.",
    );
    assert!(
        all.iter().any(|a| a.2 == "opposing" && a.1 == "Mr. Trump"),
        "{all:?}"
    );
}

#[test]
fn adverb_inside_a_verb_group_is_no_subject() {
    // (The joggers' act, inside what was realized, nests in it.)
    let all =
        found("But authorities never quite realized that the joggers had identified officers.");
    assert_eq!(
        (all[0].1.as_str(), all[0].2.as_str()),
        ("authorities", "never quite realized")
    );
}

#[test]
fn a_time_is_no_subject() {
    let (_, s, _, _) =
        one("Reince Priebus, the GOP chairman, this past week announced a new panel.");
    assert_eq!(s, "Reince Priebus, the GOP chairman,");
    assert!(
        found("Scott freed up funds and on Monday announced new money.")
            .iter()
            .all(|a| a.1 != "Monday")
    );
}

#[test]
fn attitudes_and_acts_are_cues() {
    let (_, s, c, content) = one("He persuaded the ministry to lower its export tariffs.");
    assert_eq!((s.as_str(), c.as_str()), ("He", "persuaded"));
    assert_eq!(content, ["the ministry to lower its export tariffs"]);
    let (_, s, c, content) = one("Most of the senators have long favored a smaller budget.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("Most of the senators", "have long favored")
    );
    assert_eq!(content, ["a smaller budget"]);
    let (_, s, c, _) = one("The mayor singled out the police union for praise.");
    assert_eq!((s.as_str(), c.as_str()), ("The mayor", "singled out"));
    let (_, s, c, content) = one("The governor has been clear about her plans.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("The governor", "has been clear about")
    );
    assert_eq!(content, ["her plans"]);
    // An adjective of stance, and a refusal, say the content is doubtful.
    let all = found("Ms Reyes was skeptical of the plan. The union rebuffed the offer.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(
        (all[0].1.as_str(), all[0].2.as_str()),
        ("Ms Reyes", "was skeptical of")
    );
    assert_eq!(
        (all[1].1.as_str(), all[1].2.as_str()),
        ("The union", "rebuffed")
    );
}

#[test]
fn a_verb_listed_with_its_preposition_takes_the_phrase_as_content() {
    // A bare verb's prepositional phrase is an adjunct ...
    assert!(found("The governor commented at the meeting.").is_empty());
    // ... but these verbs take theirs as what was said.
    let (_, _, c, content) = one("The governor commented on the plan.");
    assert_eq!(
        (c.as_str(), content[0].as_str()),
        ("commented on", "the plan")
    );
    let (_, s, c, content) = one("The senator weighed in on the race.");
    assert_eq!((s.as_str(), c.as_str()), ("The senator", "weighed in on"));
    assert_eq!(content, ["the race"]);
    let (_, _, c, content) = one("Two of the candidates scoffed at the idea.");
    assert_eq!(
        (c.as_str(), content[0].as_str()),
        ("scoffed at", "the idea")
    );
    let (_, s, c, _) = one("Trump lashed out at Cruz.");
    assert_eq!((s.as_str(), c.as_str()), ("Trump", "lashed out at"));
}

#[test]
fn a_cue_participle_with_a_short_adjunct_stays_in_the_subject() {
    // (The passive "was seen" nests in what was claimed.)
    let all = found("A clip posted online claims that a shark was seen.");
    assert_eq!(
        (all[0].1.as_str(), all[0].2.as_str()),
        ("A clip posted online", "claims")
    );
    assert_eq!(all[0].3, ["a shark was seen"]);
    let (_, s, _, _) = one("A video posted on Facebook said the bridge had collapsed.");
    assert_eq!(s, "A video posted on Facebook");
    // A verb and its object are no such phrase.
    let all = found("All three candidates issued statements condemning the attacks.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].1, "All three candidates");
}

#[test]
fn what_one_is_known_as_is_said_of_one_and_a_statement_is_part_of_the_cue() {
    // No one is named as saying it: the subject and what it is known as are said.
    let (p, s, c, content) = one("Trump is known as a tough negotiator.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Passive, "", "is known as")
    );
    assert_eq!(content, ["Trump", "a tough negotiator"]);
    // A participle that names its noun says nothing.
    assert!(found("A teenager known as Khalil was killed in Syria.").is_empty());
    let (_, s, c, content) = one("The company said in a statement that the plant would close.");
    assert_eq!(
        (s.as_str(), c.as_str()),
        ("The company", "said in a statement")
    );
    assert_eq!(content, ["the plant would close"]);
    // "said in an interview" is more often annotated without its medium.
    let (_, _, c, _) = one("The mayor said in an interview that the plant would close.");
    assert_eq!(c, "said");
}

#[test]
fn a_cue_phrase_does_not_run_into_a_link() {
    let (_, _, c, content) =
        one("The department said in a [statement](https://example.org/s) that it would open.");
    assert_eq!(c, "said");
    assert_eq!(content, ["it would open"]);
}

#[test]
fn a_quote_inside_an_opening_phrase_is_not_what_the_speaker_said() {
    let (p, s, _, content) = one(
        "Speaking on the radio show \"Morning Talk,\" Senator Mary Okafor said the bill was dead.",
    );
    assert_eq!((p, s.as_str()), (Pattern::SourceCue, "Senator Mary Okafor"));
    assert_eq!(content, ["the bill was dead"]);
    let all = found(
        "Even as Lindqvist claimed that \"the plan is working,\" one official said the two cases differ.",
    );
    let official = all
        .iter()
        .find(|a| a.1 == "one official")
        .expect("the official's attribution");
    assert_eq!(official.3, ["the two cases differ"]);
}

#[test]
fn an_interjected_speaker_says_the_clause_around_it() {
    let (p, s, c, content) = one("She firmly believes, she said, that the levy is fair.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::Parenthetical, "she", "said")
    );
    assert_eq!(content, ["She firmly believes", "the levy is fair"]);
}

#[test]
fn a_speaker_in_a_subordinate_clause_is_a_sibling() {
    let all =
        found("Most members backed the plan on Monday, hours after the chair said it was dead.");
    let chair = all
        .iter()
        .find(|a| a.1 == "the chair")
        .expect("the chair's attribution");
    assert_eq!(chair.3, ["it was dead"]);
    let all =
        found("Half of the panel said the levy was fair, with a third saying it was too high.");
    let panel = all
        .iter()
        .find(|a| a.1 == "Half of the panel")
        .expect("the panel's attribution");
    assert_eq!(panel.3, ["the levy was fair"]);
    assert!(
        all.iter()
            .any(|a| a.1 == "a third" && a.3 == ["it was too high"])
    );
}

#[test]
fn an_opening_adjunct_with_a_state_and_a_day_is_no_participle_subject() {
    let all = found(
        "At a town hall in Dover, Delaware, on Monday, Ms Okafor defended the levy, saying it was fair.",
    );
    let p = all
        .iter()
        .find(|a| a.2 == "saying")
        .expect("the participle's attribution");
    assert_eq!(
        (p.1.as_str(), p.3.as_slice()),
        ("Ms Okafor", ["it was fair".to_string()].as_slice())
    );
}

#[test]
fn a_modal_verb_after_a_clause_is_no_content_first_cue() {
    let (p, s, _, content) =
        one("Okafor said that if the council met, it should have asked for more.");
    assert_eq!((p, s.as_str()), (Pattern::SourceCue, "Okafor"));
    assert_eq!(
        content,
        ["if the council met, it should have asked for more"]
    );
}

#[test]
fn according_to_takes_any_object_and_an_aside_runs_on() {
    let (_, s, _, content) = one("Okafor won the county, according to early returns.");
    assert_eq!(s, "early returns");
    assert_eq!(content, ["Okafor won the county"]);
    let (_, s, _, content) = one("He moved abroad after, according to him, a paper fired him.");
    assert_eq!(s, "him");
    assert_eq!(content, ["He moved abroad after", "a paper fired him"]);
    let (_, s, _, content) =
        one("One evening in 2001, according to a new biography, Okafor sat in her study.");
    assert_eq!(s, "a new biography");
    assert_eq!(content, ["One evening in 2001", "Okafor sat in her study"]);
}

#[test]
fn an_opening_adjunct_before_a_clause_leaves_told_only_a_hearer() {
    let all = found(
        "Despite two defeats on Tuesday, Okafor remains in the race, her aide, Tomas Lindqvist, told The Courier.",
    );
    let aide = all
        .iter()
        .find(|a| a.2 == "told")
        .expect("the aide's attribution");
    assert_eq!(aide.0, Pattern::ContentFirst);
    assert_eq!(
        aide.3,
        ["Despite two defeats on Tuesday, Okafor remains in the race"]
    );
}

#[test]
fn a_joined_clause_lends_its_subject_to_a_participle() {
    let all = found(
        "Residents say the fees are unfair, and the tenant union has already sued the city, saying they break the law.",
    );
    let p = all
        .iter()
        .find(|a| a.2 == "saying")
        .expect("the participle's attribution");
    assert_eq!(p.1, "the tenant union");
    let all = found(
        "Two rabbis called for a boycott, and the league sharply denounced the remarks and said it would return the gift.",
    );
    let c = all
        .iter()
        .find(|a| a.2 == "said")
        .expect("the coordinated attribution");
    assert_eq!(c.1, "the league");
}

#[test]
fn a_speaker_in_a_relative_clause_stands_beside_the_main_clause() {
    let all = found("The mayor praised the plan, a measure that he said was good for the city.");
    let mayor = all
        .iter()
        .find(|a| a.1 == "The mayor")
        .expect("the mayor's attribution");
    assert_eq!(mayor.3, ["the plan, a measure"]);
    let he = all.iter().find(|a| a.1 == "he").expect("his attribution");
    assert_eq!(he.3, ["that", "was good for the city"]);
}

#[test]
fn a_phrase_after_a_preposition_is_no_part_of_a_new_subject() {
    let all = found(
        "Okafor said the council will take in more families under the plan and Lindqvist says some will be turned away.",
    );
    let l = all
        .iter()
        .find(|a| a.2 == "says")
        .expect("the second attribution");
    assert_eq!(l.1, "Lindqvist");
}

#[test]
fn an_infinitive_cue_before_a_comma_takes_no_object() {
    let (p, s, _, content) =
        one("The costs are hard to predict, most analysts say, because the rules are new.");
    assert_eq!((p, s.as_str()), (Pattern::Parenthetical, "most analysts"));
    assert_eq!(
        content,
        ["The costs are hard to predict", "because the rules are new"]
    );
}

#[test]
fn a_relative_clause_after_an_object_is_a_statement_of_its_own() {
    let all = found("Okafor praised the new librarian, who has vowed to keep the branch open.");
    let okafor = all
        .iter()
        .find(|a| a.1 == "Okafor")
        .expect("Okafor's attribution");
    assert_eq!(okafor.3, ["the new librarian"]);
    let all = found("The mayor touted the levy, which he describes as a bargain.");
    let mayor = all
        .iter()
        .find(|a| a.1 == "The mayor")
        .expect("the mayor's attribution");
    assert_eq!(mayor.3, ["the levy"]);
    // After a subject the relative clause is part of what was said.
    let all = found("Okafor said the levy, which he called a bargain, would pass.");
    let okafor = all
        .iter()
        .find(|a| a.1 == "Okafor")
        .expect("Okafor's attribution");
    assert_eq!(
        okafor.3,
        ["the levy, which he called a bargain, would pass"]
    );
}

#[test]
fn an_as_clause_after_an_object_is_a_sibling() {
    let all = found("The senator praised the council even as she criticized its budget.");
    let senator = all
        .iter()
        .find(|a| a.2 == "praised")
        .expect("the senator's attribution");
    assert_eq!(senator.3, ["the council"]);
    assert!(all.iter().any(|a| a.1 == "she" && a.3 == ["its budget"]));
}

#[test]
fn a_by_phrase_after_the_cue_is_no_content() {
    // The agent of a participle and a deed done in answer are not what was said.
    assert!(found("A study written by two economists circulated widely.").is_empty());
    assert!(found("The council responded by cutting the budget.").is_empty());
    // Speech in the by-phrase still is.
    let all = found("The mayor responded by saying the plan was dead.");
    assert!(
        all.iter()
            .any(|(_, s, c, _)| s == "The mayor" && c == "responded"),
        "{all:?}"
    );
}

#[test]
fn a_cue_form_after_a_degree_word_is_a_modifier() {
    assert!(found("The most telling sign came later.").is_empty());
    assert!(found("He is the candidate most identified with the deal.").is_empty());
    assert!(found("Perhaps most telling, the ads stopped.").is_empty());
    // A bare "most" can still speak.
    let (_, s, c, _) = one("Most said that the economy was weak.");
    assert_eq!((s.as_str(), c.as_str()), ("Most", "said"));
}

#[test]
fn an_infinitive_of_an_act_still_to_come_is_no_cue() {
    assert!(found("Hundreds lined up for hours to see the senator.").is_empty());
    assert!(found("Investors waited to see if the bank would act.").is_empty());
    assert!(found("Many graduates struggle to find good jobs.").is_empty());
    assert!(found("The board will meet next week to decide the dispute.").is_empty());
    assert!(found("Guests used markers to write notes on a banner.").is_empty());
    assert!(found("The mayor toured the state to promote the plan.").is_empty());
    // The finite verb still gives a view.
    let (_, s, c, _) = one("Many voters see him as a strong leader.");
    assert_eq!((s.as_str(), c.as_str()), ("Many voters", "see"));
}

#[test]
fn what_a_quote_is_said_of_is_part_of_its_content() {
    let (p, s, c, content) = one("\"It is a disgrace,\" the mayor said of the new stadium.");
    assert_eq!(
        (p, s.as_str(), c.as_str()),
        (Pattern::ContentFirst, "the mayor", "said")
    );
    assert_eq!(content, ["\"It is a disgrace,\"", "the new stadium"]);
    // A quote after it still joins them.
    let (_, _, _, content) =
        one("\"It is a disgrace,\" she said of the stadium. \"Nobody wanted it.\"");
    assert_eq!(
        content,
        [
            "\"It is a disgrace,\"",
            "the stadium",
            "\"Nobody wanted it.\""
        ]
    );
    // Other prepositions after the cue are adjuncts.
    let (_, _, _, content) = one("\"It is a disgrace,\" the mayor said on Monday.");
    assert_eq!(content, ["\"It is a disgrace,\""]);
}

#[test]
fn an_adverb_between_subject_and_cue_is_not_the_source() {
    for text in [
        "He soon learned that the papers had been lost.",
        "He almost certainly knew that the vote would fail.",
        "He perhaps believed that the vote would fail.",
    ] {
        let (_, s, _, _) = one(text);
        assert_eq!(s, "He", "{text}");
    }
}

#[test]
fn an_existential_there_opens_the_content() {
    let (_, s, c, content) = one("The mayor said there were problems with the vote.");
    assert_eq!((s.as_str(), c.as_str()), ("The mayor", "said"));
    assert_eq!(content, ["there were problems with the vote"]);
    let (_, _, _, content) = one("She told reporters there is no deal yet.");
    assert_eq!(content, ["there is no deal yet"]);
}

#[test]
fn hyphenated_words_stay_whole() {
    let (_, s, _, _) = one("One kind-hearted neighbour said the fence was fine.");
    assert_eq!(s, "One kind-hearted neighbour");
    let (_, s, _, _) = one("In 2009, then-Governor Ann Ruiz said the road would open.");
    assert_eq!(s, "then-Governor Ann Ruiz");
    let (_, _, _, content) = one("The mayor accused then-treasurer Tom Bell of lying.");
    assert_eq!(content, ["then-treasurer Tom Bell of lying"]);
    // ("opt-out rates": a compound's first part is no cue.)
    assert!(found("The office does not track opt-out rates.").is_empty());
}

#[test]
fn a_role_before_a_title_is_part_of_the_source() {
    let (_, s, _, _) = one("Independent candidate Dr. Lena Ortiz said the count was wrong.");
    assert_eq!(s, "Independent candidate Dr. Lena Ortiz");
    let (_, s, _, _) = one("His main rival Sen. Tom Bell said the count was wrong.");
    assert_eq!(s, "His main rival Sen. Tom Bell");
}

#[test]
fn a_hedge_before_a_share_is_part_of_the_source() {
    let (_, s, _, _) = one("Nearly a third said the plan would fail.");
    assert_eq!(s, "Nearly a third");
    let (_, s, _, _) = one("About half of the members said the plan would fail.");
    assert_eq!(s, "About half of the members");
    let (_, s, _, _) = one("Only about 4 in 10 members said the plan would fail.");
    assert_eq!(s, "Only about 4 in 10 members");
    // ("about as much as anyone could expect" is a comparison, no speaker.)
    let (_, s, c, _) =
        one("He added that the board had done about as much as anyone could reasonably expect.");
    assert_eq!((s.as_str(), c.as_str()), ("He", "added"));
}

#[test]
fn a_time_adjunct_is_no_part_of_a_participle_source() {
    let (_, s, c, _) = one(
        "Ann Ruiz on Friday pummeled the mayor as lazy while praising the council as diligent.",
    );
    assert_eq!((s.as_str(), c.as_str()), ("Ann Ruiz", "praising"));
}

#[test]
fn a_participle_takes_the_subject_of_the_clause_joined_before_it() {
    let source_of = |text: &str, cue: &str| {
        found(text)
            .into_iter()
            .find(|a| a.2 == cue)
            .map(|a| a.1)
            .unwrap_or_default()
    };
    // (no comma before "and")
    assert_eq!(
        source_of(
            "Last week prosecutors charged the officer with fraud and Ms Ruiz fired her coach, admitting that the team had failed.",
            "admitting"
        ),
        "Ms Ruiz"
    );
    // (a past tense no word list knows)
    assert_eq!(
        source_of(
            "Ruiz launched fierce attacks on Bell in the debate, and the young mayor tripped up Bell by calling him a coward.",
            "calling"
        ),
        "the young mayor"
    );
}
