//! Small value types shared by every stage.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into one document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

/// What a statement does, as its cue says it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// States something as true ("said", "told", "announced").
    Asserts,
    /// Vouches for something another party said ("confirmed", "acknowledged").
    Confirms,
    /// Says something is not so ("denied", "rejected", "dismissed").
    Denies,
    /// Limits something without denying it ("cautioned", "clarified").
    Qualifies,
    /// Puts something forward without vouching for it ("suggested", "speculated").
    Hedges,
    /// Relays what others say ("reported", "cited").
    Reports,
}

impl Stance {
    pub const ALL: [Stance; 6] = [
        Stance::Asserts,
        Stance::Confirms,
        Stance::Denies,
        Stance::Qualifies,
        Stance::Hedges,
        Stance::Reports,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Confirms => "confirms",
            Stance::Denies => "denies",
            Stance::Qualifies => "qualifies",
            Stance::Hedges => "hedges",
            Stance::Reports => "reports",
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The verdict on one claim.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// Another side vouches for the claim.
    Confirmed,
    /// Another side vouches for it, with a caveat.
    Qualified,
    /// Someone denies it or calls it false.
    Contested,
    /// Only the claimant's side speaks.
    Unconfirmed,
    /// Nothing in the documents addresses the given claim.
    Unrelated,
}

impl Label {
    pub const ALL: [Label; 5] = [
        Label::Confirmed,
        Label::Qualified,
        Label::Contested,
        Label::Unconfirmed,
        Label::Unrelated,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Confirmed => "confirmed",
            Label::Qualified => "qualified",
            Label::Contested => "contested",
            Label::Unconfirmed => "unconfirmed",
            Label::Unrelated => "unrelated",
        }
    }
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
