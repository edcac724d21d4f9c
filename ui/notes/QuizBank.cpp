// Loading and grading the practice material (see QuizBank.h).
#include "notes/QuizBank.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace dlui {

namespace {

QStringList stringList(const QJsonValue& value) {
  QStringList out;
  for (const QJsonValue& v : value.toArray()) out << v.toString();
  return out;
}

}  // namespace

bool QuizQuestion::isCorrect(QList<int> selected) const {
  std::sort(selected.begin(), selected.end());
  selected.erase(std::unique(selected.begin(), selected.end()), selected.end());
  return selected == answer;
}

bool QuizBank::load(const QString& path, QString* error) {
  m_questions.clear();
  m_cards.clear();
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    if (error) *error = QStringLiteral("cannot open %1").arg(path);
    return false;
  }
  QJsonParseError parseError;
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
  if (!doc.isObject()) {
    if (error) *error = QStringLiteral("%1: %2").arg(path, parseError.errorString());
    return false;
  }
  const QJsonObject root = doc.object();
  for (const QJsonValue& v : root.value(QLatin1String("multiple_choice")).toArray()) {
    const QJsonObject o = v.toObject();
    QuizQuestion q;
    q.id = o.value(QLatin1String("id")).toString();
    q.note = o.value(QLatin1String("note")).toString();
    q.covers = stringList(o.value(QLatin1String("covers")));
    q.question = LocalizedText::fromJson(o.value(QLatin1String("question")));
    const QJsonObject choices = o.value(QLatin1String("choices")).toObject();
    q.choicesZh = stringList(choices.value(QLatin1String("zh")));
    q.choicesEn = stringList(choices.value(QLatin1String("en")));
    for (const QJsonValue& a : o.value(QLatin1String("answer")).toArray()) q.answer << a.toInt();
    std::sort(q.answer.begin(), q.answer.end());
    q.explanation = LocalizedText::fromJson(o.value(QLatin1String("explanation")));
    if (!q.id.isEmpty() && q.choiceCount() > 0) m_questions.append(std::move(q));
  }
  for (const QJsonValue& v : root.value(QLatin1String("flashcards")).toArray()) {
    const QJsonObject o = v.toObject();
    FlashCard c;
    c.id = o.value(QLatin1String("id")).toString();
    c.note = o.value(QLatin1String("note")).toString();
    c.presets = stringList(o.value(QLatin1String("presets")));
    c.question = LocalizedText::fromJson(o.value(QLatin1String("question")));
    c.answer = LocalizedText::fromJson(o.value(QLatin1String("answer")));
    if (!c.id.isEmpty()) m_cards.append(std::move(c));
  }
  if (error) error->clear();
  return true;
}

const QuizBank& QuizBank::builtIn() {
  static const QuizBank bank = [] {
    QuizBank b;
    b.load();
    return b;
  }();
  return bank;
}

const QuizQuestion* QuizBank::question(const QString& id) const {
  for (const QuizQuestion& q : m_questions)
    if (q.id == id) return &q;
  return nullptr;
}

const FlashCard* QuizBank::flashCard(const QString& id) const {
  for (const FlashCard& c : m_cards)
    if (c.id == id) return &c;
  return nullptr;
}

}  // namespace dlui
