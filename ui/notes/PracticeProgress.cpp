// Practice progress in QSettings and the flash-card schedule (see PracticeProgress.h).
#include "notes/PracticeProgress.h"

#include <algorithm>
#include <limits>

namespace dlui {

namespace {
constexpr qint64 kNotYetDelay = 3;  // back after three other cards
constexpr qint64 kKnownDelay = 8;   // first wait after "I knew it"; doubles per box
constexpr int kMaxBox = 7;          // 8 · 2⁶ = 512 reviews at most
}  // namespace

QString PracticeProgress::key(const QString& kind, const QString& id, const QString& field) {
  return QStringLiteral("practice/%1/%2/%3").arg(kind, id, field);
}

PracticeProgress::QuestionStats PracticeProgress::question(const QString& id) const {
  const QString kind = QStringLiteral("quiz");
  QuestionStats s;
  s.answered = m_settings.value(key(kind, id, QStringLiteral("answered")), 0).toInt();
  s.correct = m_settings.value(key(kind, id, QStringLiteral("correct")), 0).toInt();
  s.lastCorrect = m_settings.value(key(kind, id, QStringLiteral("lastCorrect")), false).toBool();
  return s;
}

void PracticeProgress::recordAnswer(const QString& id, bool correct) {
  const QString kind = QStringLiteral("quiz");
  const QuestionStats s = question(id);
  m_settings.setValue(key(kind, id, QStringLiteral("answered")), s.answered + 1);
  m_settings.setValue(key(kind, id, QStringLiteral("correct")), s.correct + (correct ? 1 : 0));
  m_settings.setValue(key(kind, id, QStringLiteral("lastCorrect")), correct);
}

PracticeProgress::CardStats PracticeProgress::card(const QString& id) const {
  const QString kind = QStringLiteral("cards");
  CardStats s;
  s.known = m_settings.value(key(kind, id, QStringLiteral("known")), 0).toInt();
  s.notYet = m_settings.value(key(kind, id, QStringLiteral("notYet")), 0).toInt();
  s.box = m_settings.value(key(kind, id, QStringLiteral("box")), 0).toInt();
  s.due = m_settings.value(key(kind, id, QStringLiteral("due")), 0).toLongLong();
  s.lastKnown = m_settings.value(key(kind, id, QStringLiteral("lastKnown")), false).toBool();
  return s;
}

void PracticeProgress::recordCard(const QString& id, bool knew) {
  const QString kind = QStringLiteral("cards");
  CardStats s = card(id);
  const qint64 now = clock() + 1;
  m_settings.setValue(QStringLiteral("practice/clock"), now);
  if (knew) {
    ++s.known;
    s.box = std::min(s.box + 1, kMaxBox);
    s.due = now + (kKnownDelay << (s.box - 1));
  } else {
    ++s.notYet;
    s.box = 0;
    s.due = now + kNotYetDelay;
  }
  m_settings.setValue(key(kind, id, QStringLiteral("known")), s.known);
  m_settings.setValue(key(kind, id, QStringLiteral("notYet")), s.notYet);
  m_settings.setValue(key(kind, id, QStringLiteral("box")), s.box);
  m_settings.setValue(key(kind, id, QStringLiteral("due")), s.due);
  m_settings.setValue(key(kind, id, QStringLiteral("lastKnown")), knew);
}

QString PracticeProgress::nextCard(const QStringList& deck) const {
  const qint64 now = clock();
  QString best;
  qint64 bestDue = std::numeric_limits<qint64>::max();
  bool bestSeen = false;
  for (const QString& id : deck) {
    const CardStats s = card(id);
    const qint64 due = s.seen() ? s.due : now;  // a new card is due now
    if (due < bestDue || (due == bestDue && s.seen() && !bestSeen)) {
      best = id;
      bestDue = due;
      bestSeen = s.seen();
    }
  }
  return best;
}

qint64 PracticeProgress::clock() const { return m_settings.value(QStringLiteral("practice/clock"), 0).toLongLong(); }

QString PracticeProgress::lastQuestion() const {
  return m_settings.value(QStringLiteral("practice/lastQuestion")).toString();
}
void PracticeProgress::setLastQuestion(const QString& id) {
  m_settings.setValue(QStringLiteral("practice/lastQuestion"), id);
}
QString PracticeProgress::lastCard() const { return m_settings.value(QStringLiteral("practice/lastCard")).toString(); }
void PracticeProgress::setLastCard(const QString& id) { m_settings.setValue(QStringLiteral("practice/lastCard"), id); }
int PracticeProgress::lastTab() const { return m_settings.value(QStringLiteral("practice/lastTab"), 0).toInt(); }
void PracticeProgress::setLastTab(int tab) { m_settings.setValue(QStringLiteral("practice/lastTab"), tab); }

void PracticeProgress::reset() {
  m_settings.remove(QStringLiteral("practice"));
  m_settings.sync();
}

}  // namespace dlui
