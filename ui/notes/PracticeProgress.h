// What the learner has done in the practice dialog, kept in QSettings (group "practice") so it
// survives restarts: attempts per question, "known"/"not yet" per flash card, and where they
// stopped. The flash-card scheduler is a Leitner system in miniature: "not yet" brings a card
// back after three others, each "I knew it" doubles the wait.
#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>

namespace dlui {

class PracticeProgress {
public:
  struct QuestionStats {
    int answered = 0;  // attempts
    int correct = 0;   // attempts that were right
    bool lastCorrect = false;
  };
  struct CardStats {
    int known = 0;   // times marked "I knew it"
    int notYet = 0;  // times marked "Not yet"
    int box = 0;     // Leitner box: 0 = new or last answer "not yet"
    qint64 due = 0;  // review clock value from which the card is due again
    bool lastKnown = false;
    bool seen() const { return known + notYet > 0; }
  };

  QuestionStats question(const QString& id) const;
  void recordAnswer(const QString& id, bool correct);

  CardStats card(const QString& id) const;
  void recordCard(const QString& id, bool knew);
  // Which card of `deck` (ids in deck order) to show next: the one due earliest, cards already
  // seen before new ones when equally due, then deck order. Empty for an empty deck.
  QString nextCard(const QStringList& deck) const;
  // Counts one review per recordCard(); drives the schedule.
  qint64 clock() const;

  QString lastQuestion() const;
  void setLastQuestion(const QString& id);
  QString lastCard() const;
  void setLastCard(const QString& id);
  int lastTab() const;
  void setLastTab(int tab);

  // Forgets everything in the "practice" group.
  void reset();

private:
  static QString key(const QString& kind, const QString& id, const QString& field);
  mutable QSettings m_settings;
};

}  // namespace dlui
