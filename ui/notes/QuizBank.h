// The practice material as data: the multiple-choice questions and flash cards of
// :/quiz/quiz.json, and how an answer is graded. No widgets and no progress here.
#pragma once

#include "notes/Bilingual.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace dlui {

struct QuizQuestion {
  QString id;
  QString note;  // the note it practises
  QStringList covers;
  LocalizedText question;
  QStringList choicesZh;
  QStringList choicesEn;
  QList<int> answer;  // indices of the correct choices, ascending
  LocalizedText explanation;

  bool multipleAnswers() const { return answer.size() > 1; }
  qsizetype choiceCount() const { return qMax(choicesZh.size(), choicesEn.size()); }
  // Right only when exactly the correct choices are selected (order does not matter).
  bool isCorrect(QList<int> selected) const;
};

struct FlashCard {
  QString id;
  QString note;
  QStringList presets;
  LocalizedText question;
  LocalizedText answer;
};

class QuizBank {
public:
  // Reads the quiz file. Returns false and sets *error (when given) if it is missing or malformed.
  bool load(const QString& path = QStringLiteral(":/quiz/quiz.json"), QString* error = nullptr);
  // The compiled-in quiz, loaded on first use.
  static const QuizBank& builtIn();

  const QList<QuizQuestion>& questions() const { return m_questions; }
  const QList<FlashCard>& flashCards() const { return m_cards; }
  const QuizQuestion* question(const QString& id) const;
  const FlashCard* flashCard(const QString& id) const;

private:
  QList<QuizQuestion> m_questions;
  QList<FlashCard> m_cards;
};

}  // namespace dlui
