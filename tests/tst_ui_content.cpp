// The words of the notes and the quiz, read through the same classes the window uses: corrections
// from the expert review stay corrected (the right formula is there, the wrong phrasing is gone),
// the Chinese text never pairs 倍 with a decrease, and every quiz question is complete in both
// languages and points to a note that exists.
#include "notes/NotesLibrary.h"
#include "notes/QuizBank.h"

#include "io/PresetCatalog.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using dlui::LocalizedText;
using dlui::NotesLibrary;
using dlui::QuizBank;

namespace {

QString body(const QString& noteId, const QString& lang) {
  const dlui::Note* n = NotesLibrary::builtIn().note(noteId);
  if (!n) qWarning("no note %s", qPrintable(noteId));
  return n ? (lang == QLatin1String("zh") ? n->body.zh : n->body.en) : QString();
}

// Every piece of Chinese text a reader can see: note titles, summaries, bodies and watch lines,
// quiz questions, choices and explanations, flash cards, preset titles and descriptions. Each with
// where it comes from.
QList<QPair<QString, QString>> allChineseText() {
  QList<QPair<QString, QString>> out;
  for (const dlui::Note& n : NotesLibrary::builtIn().notes()) {
    out << qMakePair(n.id + QStringLiteral(".zh.md"), n.body.zh)
        << qMakePair(n.id + QStringLiteral(" title"), n.title.zh)
        << qMakePair(n.id + QStringLiteral(" summary"), n.summary.zh);
    for (auto it = n.watch.cbegin(); it != n.watch.cend(); ++it)
      out << qMakePair(n.id + QStringLiteral(" watch ") + it.key(), it.value().zh);
  }
  for (const dlui::QuizQuestion& q : QuizBank::builtIn().questions()) {
    out << qMakePair(q.id, q.question.zh) << qMakePair(q.id + QStringLiteral(" explanation"), q.explanation.zh);
    for (const QString& c : q.choicesZh) out << qMakePair(q.id + QStringLiteral(" choice"), c);
  }
  for (const dlui::FlashCard& c : QuizBank::builtIn().flashCards())
    out << qMakePair(c.id, c.question.zh) << qMakePair(c.id + QStringLiteral(" answer"), c.answer.zh);
  for (const dlio::PresetEntry& e : dlio::PresetCatalog::builtIn().entries())
    out << qMakePair(e.name + QStringLiteral(" title"), e.title.zh)
        << qMakePair(e.name + QStringLiteral(" description"), e.description.zh);
  return out;
}

}  // namespace

class TestContent : public QObject {
  Q_OBJECT
private slots:
  void initTestCase();
  void corrections_data();
  void corrections();
  void zeroInitCardGivesTheReasonedBound();
  void noMultipleWithDecrease();
  void quizIsCompleteInBothLanguages();
};

void TestContent::initTestCase() {
  QVERIFY(!NotesLibrary::builtIn().notes().isEmpty());
  QVERIFY(!QuizBank::builtIn().questions().isEmpty());
  QVERIFY(!dlio::PresetCatalog::builtIn().entries().isEmpty());
}

// One row per correction and language: strings that must be there, and strings that must not.
void TestContent::corrections_data() {
  QTest::addColumn<QString>("note");
  QTest::addColumn<QString>("lang");
  QTest::addColumn<QStringList>("present");
  QTest::addColumn<QStringList>("absent");

  // The conv counts of the copied table miss the input depth; its FC counts have one bias per layer.
  const QStringList cnnNumbers = {QStringLiteral("208 = 5·5·8 + 8"), QStringLiteral("416 = 5·5·16 + 16"),
                                  QStringLiteral("48,001 = 400·120 + 1"), QStringLiteral("10,081 = 120·84 + 1"),
                                  QStringLiteral("841 = 84·10 + 1")};
  QTest::newRow("classic-cnns en") << "classic-cnns"
                                   << "en" << cnnNumbers
                                   << QStringList{QStringLiteral("one bias per layer instead of one per filter")};
  QTest::newRow("classic-cnns zh") << "classic-cnns"
                                   << "zh" << cnnNumbers << QStringList{};

  // The proximal step starts from the loss gradient step.
  const QStringList proximal = {QStringLiteral("u = w − η·∂L/∂w"), QStringLiteral("w ← sign(u)·max(|u| − ηλ, 0)")};
  const QStringList proximalWrong = {QStringLiteral("w ← sign(w)·max(|w| − ηλ, 0)")};
  QTest::newRow("l1-l2 en") << "l1-l2-regularization"
                            << "en" << proximal << proximalWrong;
  QTest::newRow("l1-l2 zh") << "l1-l2-regularization"
                            << "zh" << proximal << proximalWrong;

  // The backward pass of sigmoid and tanh reuses the forward output.
  const QStringList reuse = {QStringLiteral("σ′ = σ(1 − σ)"), QStringLiteral("tanh′ = 1 − tanh²")};
  QTest::newRow("relu en") << "relu-vs-sigmoid-tanh"
                           << "en" << reuse << QStringList{QStringLiteral("per example, in both passes")};
  QTest::newRow("relu zh") << "relu-vs-sigmoid-tanh"
                           << "zh" << reuse << QStringList{QStringLiteral("在前向和反向都要")};

  // GRU against LSTM: Chung 2014 and Jozefowicz 2015; Greff 2017 compares LSTM variants.
  QTest::newRow("gru en") << "gru"
                          << "en"
                          << QStringList{QStringLiteral("Chung et al. 2014"), QStringLiteral("Jozefowicz et al. 2015"),
                                         QStringLiteral("compares variants of the LSTM")}
                          << QStringList{QStringLiteral("Jozefowicz 2015, Greff 2017")};
  QTest::newRow("gru zh") << "gru"
                          << "zh"
                          << QStringList{QStringLiteral("Chung 等 2014"), QStringLiteral("Jozefowicz 等 2015"),
                                         QStringLiteral("LSTM 的各种变体")}
                          << QStringList{QStringLiteral("Jozefowicz 2015、Greff 2017")};

  // Batch norm at inference: averaged over training mini-batches, the same story in both languages.
  QTest::newRow("bn en") << "batch-normalization"
                         << "en"
                         << QStringList{QStringLiteral("Var[x] = m/(m − 1)·E_B[σ²_B]"),
                                        QStringLiteral("training mini-batches"), QStringLiteral("last training epoch")}
                         << QStringList{QStringLiteral("per-epoch")};
  QTest::newRow("bn zh") << "batch-normalization"
                         << "zh"
                         << QStringList{QStringLiteral("Var[x] = m/(m − 1)·E_B[σ²_B]"),
                                        QStringLiteral("训练 mini-batch"), QStringLiteral("最后一个训练 epoch")}
                         << QStringList{QStringLiteral("而不是有的资料所说")};

  // Pascanu et al.: largest singular value against 1/γ; sufficient for vanishing, necessary for exploding.
  QTest::newRow("vanishing en") << "vanishing-exploding-gradients"
                                << "en"
                                << QStringList{QStringLiteral("largest singular value"), QStringLiteral("λ₁ < 1/γ"),
                                               QStringLiteral("sufficient"), QStringLiteral("λ₁ > 1/γ is necessary")}
                                << QStringList{QStringLiteral("largest eigenvalue being a bit below or above 1")};
  QTest::newRow("vanishing zh") << "vanishing-exploding-gradients"
                                << "zh"
                                << QStringList{QStringLiteral("最大奇异值"), QStringLiteral("λ₁ < 1/γ"),
                                               QStringLiteral("充分条件"), QStringLiteral("必要条件")}
                                << QStringList{QStringLiteral("它的最大特征值略小于还是略大于 1")};

  // 凹/凸: two conventions in Chinese textbooks; say curvature instead of "reversed".
  QTest::newRow("saddle zh") << "local-optima-saddle-points"
                             << "zh"
                             << QStringList{QStringLiteral("曲率为正"), QStringLiteral("曲率为负"),
                                            QStringLiteral("两套相反的约定")}
                             << QStringList{QStringLiteral("弯曲方向说反了")};
  QTest::newRow("saddle en") << "local-optima-saddle-points"
                             << "en" << QStringList{QStringLiteral("two opposite conventions")}
                             << QStringList{QStringLiteral("gets the direction of curvature backwards")};

  // Seed 001's "Xavier √(3/n), He √(6/n)" are uniform limits with the right n.
  for (const QString& note : {QStringLiteral("initialization-and-gradients"), QStringLiteral("tuning-tips")})
    for (const QString& lang : {QStringLiteral("zh"), QStringLiteral("en")})
      QTest::newRow(qPrintable(QStringLiteral("init %1 %2").arg(note, lang)))
          << note << lang
          << QStringList{QStringLiteral("√(3/n)"), QStringLiteral("n = (n_in + n_out)/2"), QStringLiteral("n = n_in")}
          << QStringList{};
}

void TestContent::corrections() {
  QFETCH(QString, note);
  QFETCH(QString, lang);
  QFETCH(QStringList, present);
  QFETCH(QStringList, absent);
  const QString text = body(note, lang);
  QVERIFY(!text.isEmpty());
  for (const QString& s : present) QVERIFY2(text.contains(s), qPrintable(QStringLiteral("missing: ") + s));
  for (const QString& s : absent) QVERIFY2(!text.contains(s), qPrintable(QStringLiteral("still there: ") + s));
}

// The note's reasoning (one prediction for all four XOR points) gives 50%; 75% is only the test's bound.
void TestContent::zeroInitCardGivesTheReasonedBound() {
  const dlui::FlashCard* card = QuizBank::builtIn().flashCard(QStringLiteral("fc-zero-init"));
  QVERIFY(card);
  QVERIFY(card->answer.en.contains(QStringLiteral("at most 50% accuracy")));
  QVERIFY(card->answer.zh.contains(QStringLiteral("准确率最多 50%")));
  QVERIFY(!card->answer.en.contains(QStringLiteral("and at most 75% accuracy")));
}

// 「少 8.4 倍」 reads as a multiple of a decrease; write 「减少到约 1/8.4」. 「至少是……的 3 倍」 and
// 「梯度下降……倍」 (the method, not a decrease) are fine.
void TestContent::noMultipleWithDecrease() {
  static const QRegularExpression decreaseTimes(
      QStringLiteral("(?:(?<!至|多)少|(?<!梯度下)降|减|缩|低|慢)[^。；，、：:！？]{0,15}倍"));
  QVERIFY(decreaseTimes.match(QStringLiteral("约少 8.4 倍")).hasMatch());
  QVERIFY(decreaseTimes.match(QStringLiteral("比批大小 32 低至少 3 倍")).hasMatch());
  QVERIFY(decreaseTimes.match(QStringLiteral("把梯度至少缩小 4 倍")).hasMatch());
  QVERIFY(!decreaseTimes.match(QStringLiteral("至少是 Adam 的 50 倍")).hasMatch());
  QVERIFY(!decreaseTimes.match(QStringLiteral("减少到约 1/8.4")).hasMatch());
  QVERIFY(!decreaseTimes.match(QStringLiteral("梯度下降需要多走约一千倍的步数")).hasMatch());  // the method's name
  QVERIFY(decreaseTimes.match(QStringLiteral("损失下降了 3 倍")).hasMatch());
  QVERIFY(decreaseTimes.match(QStringLiteral("平缓方向前进慢约 1,100 倍")).hasMatch());
  QStringList found;
  for (const auto& [where, text] : allChineseText()) {
    QRegularExpressionMatchIterator it = decreaseTimes.globalMatch(text);
    while (it.hasNext()) found << QStringLiteral("%1: 「%2」").arg(where, it.next().captured());
  }
  QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestContent::quizIsCompleteInBothLanguages() {
  const NotesLibrary& library = NotesLibrary::builtIn();
  const QuizBank& bank = QuizBank::builtIn();
  QVERIFY2(bank.questions().size() >= 60, qPrintable(QString::number(bank.questions().size())));
  QSet<QString> ids, questionTexts;
  for (const dlui::QuizQuestion& q : bank.questions()) {
    const QByteArray idBytes = q.id.toUtf8();
    const char* id = idBytes.constData();
    QVERIFY2(!ids.contains(q.id), id);
    ids.insert(q.id);
    const dlui::Note* note = library.note(q.note);
    QVERIFY2(note, id);
    for (const QString& c : q.covers) QVERIFY2(note->covers.contains(c), qPrintable(q.id + QStringLiteral(": ") + c));
    QVERIFY2(!q.question.zh.isEmpty() && !q.question.en.isEmpty(), id);
    QVERIFY2(!q.explanation.zh.isEmpty() && !q.explanation.en.isEmpty(), id);
    QVERIFY2(q.question.zh.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))), id);
    QVERIFY2(!q.question.en.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))), id);
    QVERIFY2(q.choicesZh.size() >= 2 && q.choicesZh.size() == q.choicesEn.size(), id);
    for (qsizetype i = 0; i < q.choicesZh.size(); ++i)
      QVERIFY2(!q.choicesZh[i].trimmed().isEmpty() && !q.choicesEn[i].trimmed().isEmpty(), id);
    QVERIFY2(!q.answer.isEmpty() && q.answer.size() < q.choiceCount(), id);
    for (int a : q.answer) QVERIFY2(a >= 0 && a < q.choiceCount(), id);
    QVERIFY2(QSet<int>(q.answer.begin(), q.answer.end()).size() == q.answer.size(), id);
    QVERIFY2(!questionTexts.contains(q.question.en), id);
    questionTexts.insert(q.question.en);
  }
  // The sources' own multiple-choice questions are all in the bank.
  QSet<QString> covered;
  for (const dlui::QuizQuestion& q : bank.questions())
    for (const QString& c : q.covers) covered.insert(c);
  for (const QString& source : {QStringLiteral("s001-mc01"), QStringLiteral("s001-mc02"), QStringLiteral("s001-mc03"),
                                QStringLiteral("s001-mc04")})
    QVERIFY2(covered.contains(source), qPrintable(source));
}

QTEST_MAIN(TestContent)
#include "tst_ui_content.moc"
