//! The interest check as the browser holds it for this run: the answers so far and the
//! statement being asked. A small model: it keeps answers in memory only (nothing is written
//! unless a handout is exported) and must not know about keys or drawing.

use crate::interests::{Answers, ITEMS, Scores};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interest {
    answers: Answers,
    /// The statement being asked; `ITEMS.len()` once the end is reached.
    at: usize,
}

impl Default for Interest {
    fn default() -> Interest {
        Interest {
            answers: [None; ITEMS.len()],
            at: 0,
        }
    }
}

impl Interest {
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The statement being asked (0-based), or `None` at the end.
    pub fn at(&self) -> Option<usize> {
        (self.at < ITEMS.len()).then_some(self.at)
    }

    /// How many statements have an answer.
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    /// Whether every statement has been seen (answered or skipped) at least once.
    pub fn finished(&self) -> bool {
        self.at >= ITEMS.len()
    }

    /// Whether anything was answered: then there is a result to show.
    pub fn started(&self) -> bool {
        self.answered() > 0
    }

    /// Answers the current statement with 1–5 and moves on.
    pub fn answer(&mut self, rating: u8) {
        if let Some(i) = self.at()
            && (1..=5).contains(&rating)
        {
            self.answers[i] = Some(rating);
            self.at += 1;
        }
    }

    /// Leaves the current statement unanswered (or as it was) and moves on.
    pub fn skip(&mut self) {
        if self.at < ITEMS.len() {
            self.at += 1;
        }
    }

    /// Back to the previous statement, to change its answer.
    pub fn back(&mut self) {
        self.at = self.at.saturating_sub(1);
    }

    pub fn scores(&self) -> Scores {
        Scores::from_answers(&self.answers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_skips_and_going_back_change_the_right_statement() {
        let mut i = Interest::default();
        i.answer(5);
        i.skip();
        i.answer(9); // not a rating: nothing happens
        assert_eq!(i.at(), Some(2));
        i.answer(1);
        i.back();
        i.back();
        i.answer(4); // the skipped one gets an answer
        assert_eq!(&i.answers()[..3], [Some(5), Some(4), Some(1)]);
        assert_eq!(i.answered(), 3);
        for _ in 0..100 {
            i.skip();
        }
        assert!(i.finished() && i.at().is_none());
        i.back();
        assert_eq!(i.at(), Some(ITEMS.len() - 1));
    }
}
