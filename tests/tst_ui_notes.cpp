// The study notes and practice UI: every note listed in the index loads in both languages, every
// note: link resolves, search works in Chinese and English, "Try it" and "Practice" emit the right
// names, a quiz answer is graded right and wrong, flash-card progress survives re-creating the
// dialog, and screenshots of the dock and the dialog in both languages for a human look.
#include "notes/NotesDock.h"
#include "notes/NotesFonts.h"
#include "notes/NotesLibrary.h"
#include "notes/PracticeDialog.h"
#include "notes/PracticeProgress.h"
#include "notes/QuizBank.h"

#include "io/PresetCatalog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QTextBlock>

#include <memory>

using dlui::LanguageMode;
using dlui::NotesDock;
using dlui::NotesLibrary;
using dlui::PracticeDialog;
using dlui::PracticeProgress;
using dlui::QuizBank;

namespace {

const QString kVanishing = QStringLiteral("vanishing-exploding-gradients");

QString screenshotPath(const QString& name) {
  const QString dir = QStringLiteral(DLPLAY_BINARY_DIR "/screenshots");
  QDir().mkpath(dir);
  return dir + QLatin1Char('/') + name;
}

void saveShot(QWidget& w, const QString& name) {
  w.show();
  QVERIFY(QTest::qWaitForWindowExposed(&w));
  QTest::qWait(50);
  QVERIFY(w.grab().save(screenshotPath(name)));
}

void clearProgress() {
  QSettings().remove(QStringLiteral("practice"));
  QSettings().sync();
}

template <class T>
T* child(QObject& parent, const QString& name) {
  T* w = parent.findChild<T*>(name);
  if (!w) qWarning("no child %s", qPrintable(name));
  return w;
}

}  // namespace

class TestNotes : public QObject {
  Q_OBJECT
private slots:
  void initTestCase();
  void libraryLoadsEveryNote();
  void noteLinksResolve();
  void quizRefersToExistingNotes();
  void searchBothLanguages();
  void dockSearchFiltersTree();
  void linksAndHistory();
  void tryItEmitsPreset();
  void practiceButtonEmitsNote();
  void presetNamesReadable();
  void tryAreaLeavesRoomForTheNote();
  void topicListFoldsWhenNarrow();
  void headingsStayModest();
  void quizGradesAnswers();
  void quizGradesMultipleAnswers();
  void enterDoesNotResetProgress();
  void flashCardProgressSurvives();
  void notYetComesBackSooner();
  void markdownRendersCleanly();
  void screenshots();
};

void TestNotes::initTestCase() {
  QStandardPaths::setTestModeEnabled(true);
  QCoreApplication::setOrganizationName(QStringLiteral("dlplay-test"));
  QCoreApplication::setApplicationName(QStringLiteral("tst_ui_notes"));
  clearProgress();
  // Fixed fonts so the screenshots look the same everywhere; the widgets add the CJK face.
  QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 10));
  QVERIFY(!NotesLibrary::builtIn().notes().isEmpty());
  QVERIFY(!QuizBank::builtIn().questions().isEmpty());
}

void TestNotes::libraryLoadsEveryNote() {
  NotesLibrary library;
  QString error;
  QVERIFY2(library.load(QStringLiteral(":/notes"), &error), qPrintable(error));

  QFile indexFile(QStringLiteral(":/notes/index.json"));
  QVERIFY(indexFile.open(QIODevice::ReadOnly));
  const QJsonArray listed = QJsonDocument::fromJson(indexFile.readAll()).object().value("notes").toArray();
  QVERIFY(listed.size() > 0);
  QCOMPARE(library.notes().size(), listed.size());

  QSet<QString> groups;
  for (const dlui::NoteGroup& g : library.groups()) groups.insert(g.id);
  for (const QJsonValue& v : listed) {
    const QString id = v.toObject().value("id").toString();
    const dlui::Note* note = library.note(id);
    QVERIFY2(note, qPrintable(id));
    QVERIFY2(!note->body.zh.trimmed().isEmpty(), qPrintable(id + ".zh.md is empty or missing"));
    QVERIFY2(!note->body.en.trimmed().isEmpty(), qPrintable(id + ".en.md is empty or missing"));
    QVERIFY2(!note->title.zh.isEmpty() && !note->title.en.isEmpty(), qPrintable(id));
    QVERIFY2(groups.contains(note->group), qPrintable(id + " has an unknown group " + note->group));
  }
  // Every group shows up in the tree with its notes in order.
  int counted = 0;
  for (const dlui::NoteGroup& g : library.groups()) {
    const QList<const dlui::Note*> notes = library.notesInGroup(g.id);
    for (qsizetype i = 1; i < notes.size(); ++i) QVERIFY(notes[i - 1]->order <= notes[i]->order);
    counted += int(notes.size());
  }
  QCOMPARE(counted, library.notes().size());
}

void TestNotes::noteLinksResolve() {
  const NotesLibrary& library = NotesLibrary::builtIn();
  int links = 0;
  for (const dlui::Note& note : library.notes()) {
    for (const QString* body : {&note.body.zh, &note.body.en})
      for (const QString& target : NotesLibrary::noteLinks(*body)) {
        ++links;
        QVERIFY2(library.contains(target),
                 qPrintable(QStringLiteral("%1 links to missing note:%2").arg(note.id, target)));
      }
    for (const QString& related : note.related)
      QVERIFY2(library.contains(related), qPrintable(note.id + " relates to missing " + related));
  }
  QVERIFY(links > 0);
  QCOMPARE(NotesLibrary::noteLinks(QStringLiteral("see [a](note:x-y) and [b](note:z)")),
           QStringList({QStringLiteral("x-y"), QStringLiteral("z")}));
}

void TestNotes::quizRefersToExistingNotes() {
  const NotesLibrary& library = NotesLibrary::builtIn();
  const QuizBank& bank = QuizBank::builtIn();
  for (const dlui::QuizQuestion& q : bank.questions()) {
    QVERIFY2(library.contains(q.note), qPrintable(q.id));
    QVERIFY2(!q.answer.isEmpty(), qPrintable(q.id));
    for (int a : q.answer) QVERIFY2(a >= 0 && a < q.choiceCount(), qPrintable(q.id));
    QCOMPARE(q.choicesZh.size(), q.choicesEn.size());
  }
  for (const dlui::FlashCard& c : bank.flashCards()) QVERIFY2(library.contains(c.note), qPrintable(c.id));
}

void TestNotes::searchBothLanguages() {
  const NotesLibrary& library = NotesLibrary::builtIn();
  QVERIFY(library.search(QStringLiteral("梯度")).contains(kVanishing));
  QVERIFY(library.search(QStringLiteral("gradient")).contains(kVanishing));
  QVERIFY(library.search(QStringLiteral("GRADIENT")).contains(kVanishing));
  QVERIFY(library.search(QStringLiteral("梯度消失")).contains(kVanishing));
  QVERIFY(library.search(QStringLiteral("  消失   exploding ")).contains(kVanishing));
  QVERIFY(library.search(QStringLiteral("梯度")).size() < library.notes().size());
  QVERIFY(library.search(QStringLiteral("zzqqxx-not-a-word")).isEmpty());
  QCOMPARE(library.search(QString()).size(), library.notes().size());
  // Link targets are not text: "note:" appears in every related list but never on screen.
  QVERIFY(library.search(QStringLiteral("note:")).isEmpty());
}

void TestNotes::dockSearchFiltersTree() {
  NotesDock dock;
  const qsizetype all = dock.visibleNoteIds().size();
  QCOMPARE(all, NotesLibrary::builtIn().notes().size());
  auto* search = child<QLineEdit>(dock, QStringLiteral("notesSearch"));
  QVERIFY(search);
  // Chinese arrives from an input method as a committed string.
  QInputMethodEvent typed;
  typed.setCommitString(QStringLiteral("梯度"));
  QApplication::sendEvent(search, &typed);
  QCOMPARE(dock.searchText(), QStringLiteral("梯度"));
  QVERIFY(dock.visibleNoteIds().contains(kVanishing));
  QVERIFY(dock.visibleNoteIds().size() < all);

  search->clear();
  QTest::keyClicks(search, QStringLiteral("Gradient"));
  QVERIFY(dock.visibleNoteIds().contains(kVanishing));

  // The match is highlighted in the open note.
  dock.showNote(kVanishing);
  auto* viewer = child<QTextBrowser>(dock, QStringLiteral("viewerEnglish"));
  QVERIFY(viewer);
  QVERIFY(!viewer->extraSelections().isEmpty());

  search->clear();
  QTest::keyClicks(search, QStringLiteral("zzqqxx"));
  QVERIFY(dock.visibleNoteIds().isEmpty());
}

void TestNotes::linksAndHistory() {
  NotesDock dock;
  QSignalSpy changed(&dock, &NotesDock::currentNoteChanged);
  dock.showNote(kVanishing);
  QCOMPARE(dock.currentNoteId(), kVanishing);
  dock.showNote(QStringLiteral("no-such-note"));
  QCOMPARE(dock.currentNoteId(), kVanishing);

  auto* viewer = child<QTextBrowser>(dock, QStringLiteral("viewerChinese"));
  QVERIFY(viewer);
  emit viewer->anchorClicked(QUrl(QStringLiteral("note:gradient-problem-cures")));
  QCOMPARE(dock.currentNoteId(), QStringLiteral("gradient-problem-cures"));
  QCOMPARE(changed.last().at(0).toString(), QStringLiteral("gradient-problem-cures"));
  dock.back();
  QCOMPARE(dock.currentNoteId(), kVanishing);
  dock.forward();
  QCOMPARE(dock.currentNoteId(), QStringLiteral("gradient-problem-cures"));
  dock.back();
  dock.showNote(QStringLiteral("lstm"));  // a new visit drops the forward history
  dock.forward();
  QCOMPARE(dock.currentNoteId(), QStringLiteral("lstm"));
}

void TestNotes::tryItEmitsPreset() {
  NotesDock dock;
  dock.setUiLanguage(QStringLiteral("en"));
  dock.showNote(kVanishing);
  QSignalSpy spy(&dock, &NotesDock::tryPreset);
  auto* button = child<QPushButton>(dock, QStringLiteral("try:exploding-large-init"));
  QVERIFY(button);
  // The button names the preset by its catalogue title in the UI language, not by its id.
  const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
  const QString titleEn = catalog.title(QStringLiteral("exploding-large-init"), QStringLiteral("en"));
  const QString titleZh = catalog.title(QStringLiteral("exploding-large-init"), QStringLiteral("zh"));
  QVERIFY(titleEn.startsWith(QStringLiteral("Exploding gradients")));
  QVERIFY(button->text().endsWith(titleEn));
  const dlui::Note* note = NotesLibrary::builtIn().note(kVanishing);
  QCOMPARE(button->toolTip(), note->watch.value(QStringLiteral("exploding-large-init")).en);
  dock.show();
  QTest::mouseClick(button, Qt::LeftButton);
  QCOMPARE(spy.count(), 1);
  QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("exploding-large-init"));

  // The watch line follows the UI language.
  dock.setUiLanguage(QStringLiteral("zh"));
  auto* watch = child<QLabel>(dock, QStringLiteral("watch:vanishing-sigmoid-deep"));
  QVERIFY(watch);
  QVERIFY(watch->text().contains(note->watch.value(QStringLiteral("vanishing-sigmoid-deep")).zh));
  QCOMPARE(child<QPushButton>(dock, QStringLiteral("try:vanishing-sigmoid-deep"))->toolTip(),
           note->watch.value(QStringLiteral("vanishing-sigmoid-deep")).zh);
  QVERIFY(child<QPushButton>(dock, QStringLiteral("try:exploding-large-init"))->text().endsWith(titleZh));
  QVERIFY(titleZh != titleEn);

  // The practice dialog's flash-card buttons too.
  PracticeDialog dialog;
  dialog.setCurrentTab(PracticeDialog::Tab::FlashCards);
  dialog.showCard(QStringLiteral("fc-dead-relu"));
  for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh")}) {
    dialog.setUiLanguage(lang);
    auto* cardButton = child<QPushButton>(dialog, QStringLiteral("try:dead-relu-high-lr"));
    QVERIFY(cardButton);
    QVERIFY2(cardButton->text().endsWith(catalog.title(QStringLiteral("dead-relu-high-lr"), lang)),
             qPrintable(cardButton->text()));
  }

  // A note without presets has no Try it button.
  dock.showNote(QStringLiteral("ai-ml-dl"));
  QVERIFY(!dock.findChild<QPushButton*>(QStringLiteral("try:exploding-large-init")));
}

// A note with five presets (class imbalance) in a dock as small as at 1366×768: the Try it rows
// scroll within two fifths of the dock and the note's text keeps the rest.
// A projector at 1366×768 with large text leaves the dock ~520 px: the topic list folds behind
// the ☰ button so the note keeps its width; picking a note folds it again, typing a search opens
// it (the matches are listed there); a wide dock always shows it, without the button.
void TestNotes::topicListFoldsWhenNarrow() {
  NotesDock dock;
  dock.showNote(kVanishing);
  auto* tree = dock.findChild<QTreeWidget*>(QStringLiteral("notesTree"));
  auto* topics = dock.findChild<QToolButton*>(QStringLiteral("notesTopics"));
  QVERIFY(tree && topics);
  dock.resize(1000, 500);
  dock.show();
  QVERIFY(QTest::qWaitForWindowExposed(&dock));
  QTRY_VERIFY(tree->isVisible());
  QVERIFY(!topics->isVisible());

  dock.setPresentationMode(true);  // larger text: the same width is now too narrow
  dock.resize(520, 500);
  QTRY_VERIFY(!tree->isVisible());
  QVERIFY(topics->isVisible());
  dock.setLanguageMode(LanguageMode::English);
  auto* viewer = dock.findChild<QTextBrowser*>(QStringLiteral("viewerEnglish"));
  QVERIFY(viewer);
  QTRY_VERIFY2(viewer->width() > 400, qPrintable(QString::number(viewer->width())));  // the note has the dock's width

  topics->click();
  QTRY_VERIFY(tree->isVisible());
  QTreeWidgetItem* group = tree->topLevelItem(0);
  QVERIFY(group && group->childCount() > 0);
  QTreeWidgetItem* note = group->child(0);
  tree->scrollToItem(note);
  QTRY_VERIFY(tree->visualItemRect(note).isValid() &&
              tree->viewport()->rect().contains(tree->visualItemRect(note).center()));
  QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(note).center());
  QCOMPARE(dock.currentNoteId(), note->data(0, Qt::UserRole).toString());
  QTRY_VERIFY(!tree->isVisible());  // folded again: the note gets the room

  auto* search = dock.findChild<QLineEdit*>(QStringLiteral("notesSearch"));
  QVERIFY(search);
  QTest::keyClicks(search, QStringLiteral("sigmoid"));
  QTRY_VERIFY(tree->isVisible());

  dock.setPresentationMode(false);
  dock.resize(1000, 500);
  QTRY_VERIFY(!topics->isVisible());
  QVERIFY(tree->isVisible());
}

// A note's title is at most 1.5× its text (Qt's Markdown h1 is 2×): in a dock on a projector a
// heading must not fill the view.
void TestNotes::headingsStayModest() {
  NotesDock dock;
  dock.setLanguageMode(LanguageMode::English);
  dock.showNote(kVanishing);
  auto* viewer = dock.findChild<QTextBrowser*>(QStringLiteral("viewerEnglish"));
  QVERIFY(viewer);
  int headings = 0;
  for (QTextBlock b = viewer->document()->begin(); b.isValid(); b = b.next()) {
    const int level = b.blockFormat().headingLevel();
    if (level <= 0 || b.text().isEmpty()) continue;
    ++headings;
    const int adjustment = b.begin().fragment().charFormat().property(QTextFormat::FontSizeAdjustment).toInt();
    QCOMPARE(adjustment, level == 1 ? 2 : level == 2 ? 1 : 0);
  }
  QVERIFY(headings >= 1);
}

void TestNotes::tryAreaLeavesRoomForTheNote() {
  for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh")}) {
    NotesDock dock;
    dock.setUiLanguage(lang);
    dock.setLanguageMode(lang == QStringLiteral("zh") ? LanguageMode::Chinese : LanguageMode::English);
    dock.resize(510, 430);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    dock.showNote(QStringLiteral("class-imbalance"));
    QCoreApplication::processEvents();
    auto* box = dock.findChild<QWidget*>(QStringLiteral("tryBox"));
    QVERIFY(box);
    auto* area = qobject_cast<QScrollArea*>(box->parentWidget()->parentWidget());
    QVERIFY(area && area->isVisible());
    QVERIFY(dock.findChildren<QPushButton*>().size() >= 5);
    QVERIFY2(
        area->height() <= dock.widget()->height() * 2 / 5 + 1,
        qPrintable(QStringLiteral("%1: Try it area %2 px of %3").arg(lang).arg(area->height()).arg(dock.height())));
    auto* viewer = dock.findChild<QTextBrowser*>(lang == QStringLiteral("zh") ? QStringLiteral("viewerChinese")
                                                                              : QStringLiteral("viewerEnglish"));
    QVERIFY(viewer && viewer->isVisible());
    QVERIFY2(viewer->height() >= 150,
             qPrintable(QStringLiteral("%1: note text %2 px").arg(lang).arg(viewer->height())));
  }
}

void TestNotes::practiceButtonEmitsNote() {
  NotesDock dock;
  dock.showNote(QStringLiteral("dropout"));
  QSignalSpy spy(&dock, &NotesDock::practiceRequested);
  auto* button = child<QPushButton>(dock, QStringLiteral("notesPractice"));
  QVERIFY(button);
  button->click();
  QCOMPARE(spy.count(), 1);
  QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("dropout"));
}

void TestNotes::presetNamesReadable() {
  QCOMPARE(NotesLibrary::presetDisplayName(QStringLiteral("dead-relu-high-lr")), QStringLiteral("Dead ReLU high LR"));
  QCOMPARE(NotesLibrary::presetDisplayName(QStringLiteral("l1-vs-l2")), QStringLiteral("L1 vs. L2"));
  QCOMPARE(NotesLibrary::presetDisplayName(QStringLiteral("batch-size-32")), QStringLiteral("Batch size 32"));
}

void TestNotes::quizGradesAnswers() {
  clearProgress();
  const QString id = QStringLiteral("mc-what-adds-nonlinearity");
  const dlui::QuizQuestion* q = QuizBank::builtIn().question(id);
  QVERIFY(q);
  QCOMPARE(q->answer, QList<int>({1}));
  QVERIFY(q->isCorrect({1}));
  QVERIFY(!q->isCorrect({0}));
  QVERIFY(!q->isCorrect({0, 1}));

  PracticeDialog dialog;
  dialog.setCurrentTab(PracticeDialog::Tab::Quiz);
  dialog.showQuestion(id);
  QCOMPARE(dialog.currentQuestionId(), id);
  auto* check = child<QPushButton>(dialog, QStringLiteral("quizCheck"));
  auto* verdict = child<QLabel>(dialog, QStringLiteral("quizVerdict"));
  QVERIFY(check && verdict);
  QVERIFY(!check->isEnabled());  // nothing chosen yet

  auto* right = child<QRadioButton>(dialog, QStringLiteral("choice1"));
  QVERIFY(right);
  right->click();
  QVERIFY(check->isEnabled());
  check->click();
  QCOMPARE(verdict->property("verdict").toString(), QStringLiteral("right"));
  QVERIFY(!check->isEnabled());

  dialog.showQuestion(id);  // fresh attempt
  QCOMPARE(verdict->property("verdict").toString(), QString());
  child<QRadioButton>(dialog, QStringLiteral("choice0"))->click();
  check->click();
  QCOMPARE(verdict->property("verdict").toString(), QStringLiteral("wrong"));
  QVERIFY(verdict->text().contains(QLatin1Char('B')));

  const PracticeProgress::QuestionStats stats = PracticeProgress().question(id);
  QCOMPARE(stats.answered, 2);
  QCOMPARE(stats.correct, 1);
  QVERIFY(!stats.lastCorrect);
}

void TestNotes::quizGradesMultipleAnswers() {
  const dlui::QuizQuestion* multi = nullptr;
  for (const dlui::QuizQuestion& q : QuizBank::builtIn().questions())
    if (q.multipleAnswers()) multi = &q;
  if (!multi) QSKIP("no question with several answers");
  PracticeDialog dialog;
  dialog.showQuestion(multi->id);
  QVERIFY(!dialog.findChild<QRadioButton*>(QStringLiteral("choice0")));
  auto* check = child<QPushButton>(dialog, QStringLiteral("quizCheck"));
  auto* verdict = child<QLabel>(dialog, QStringLiteral("quizVerdict"));
  child<QCheckBox>(dialog, QStringLiteral("choice%1").arg(multi->answer.front()))->click();
  check->click();
  QCOMPARE(verdict->property("verdict").toString(), QStringLiteral("wrong"));
  dialog.showQuestion(multi->id);
  for (int a : multi->answer) child<QCheckBox>(dialog, QStringLiteral("choice%1").arg(a))->click();
  check->click();
  QCOMPARE(verdict->property("verdict").toString(), QStringLiteral("right"));
}

// Enter right after opening the dialog must not reach "Reset progress", not even its confirmation:
// Reset is never the default button; Check is, and it does nothing until an answer is chosen.
void TestNotes::enterDoesNotResetProgress() {
  clearProgress();
  const QString answered = QuizBank::builtIn().questions().front().id;
  PracticeProgress().recordAnswer(answered, true);
  PracticeProgress().recordCard(QuizBank::builtIn().flashCards().front().id, true);

  PracticeDialog dialog;
  auto* reset = child<QPushButton>(dialog, QStringLiteral("resetProgress"));
  QVERIFY(reset);
  QVERIFY(!reset->autoDefault());
  // Any message box that opens (the reset confirmation) is noted and cancelled.
  QStringList boxes;
  QTimer guard;
  connect(&guard, &QTimer::timeout, &dialog, [&boxes] {
    for (QWidget* w : QApplication::topLevelWidgets())
      if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) {
        boxes << box->text();
        box->reject();
      }
  });
  guard.start(20);

  for (const PracticeDialog::Tab tab : {PracticeDialog::Tab::Quiz, PracticeDialog::Tab::FlashCards}) {
    dialog.setCurrentTab(tab);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.activateWindow();
    QTest::qWait(30);
    QVERIFY(!reset->isDefault());
    QWidget* target = dialog.focusWidget() ? dialog.focusWidget() : &dialog;
    QTest::keyClick(target, Qt::Key_Return);
    QTest::keyClick(target, Qt::Key_Enter, Qt::KeypadModifier);
    QTest::qWait(60);
    QVERIFY2(boxes.isEmpty(), qPrintable(boxes.join(QLatin1Char('\n'))));
    QVERIFY(!reset->isDefault());
    QCOMPARE(PracticeProgress().question(answered).answered, 1);
    QVERIFY(PracticeProgress().card(QuizBank::builtIn().flashCards().front().id).seen());
    dialog.hide();
  }
  // Reset itself still asks first; Cancel keeps the progress.
  reset->click();
  QTRY_VERIFY(!boxes.isEmpty());
  QCOMPARE(PracticeProgress().question(answered).answered, 1);
  clearProgress();
}

void TestNotes::flashCardProgressSurvives() {
  clearProgress();
  const QString card = QStringLiteral("fc-vanishing");
  QString next;
  {
    auto dialog = std::make_unique<PracticeDialog>();
    dialog->setCurrentTab(PracticeDialog::Tab::FlashCards);
    dialog->showCard(card);
    QCOMPARE(dialog->currentCardId(), card);
    auto* knew = child<QPushButton>(*dialog, QStringLiteral("cardKnew"));
    QVERIFY(knew);
    QVERIFY(!knew->isVisibleTo(dialog.get()));  // the answer comes first
    child<QPushButton>(*dialog, QStringLiteral("cardReveal"))->click();
    QVERIFY(knew->isVisibleTo(dialog.get()));
    knew->click();
    next = dialog->currentCardId();
    QVERIFY(next != card);
    QCOMPARE(child<QLabel>(*dialog, QStringLiteral("cardProgress"))->property("known").toInt(), 1);
  }
  PracticeDialog again;
  QCOMPARE(again.currentCardId(), next);  // the last position
  QCOMPARE(child<QTabWidget>(again, QStringLiteral("practiceTabs"))->currentIndex(), 1);
  QCOMPARE(child<QLabel>(again, QStringLiteral("cardProgress"))->property("known").toInt(), 1);
  const PracticeProgress::CardStats stats = PracticeProgress().card(card);
  QCOMPARE(stats.known, 1);
  QVERIFY(stats.lastKnown);

  // Filtering by the note still counts it as known.
  again.setNoteFilter(kVanishing);
  QCOMPARE(again.noteFilter(), kVanishing);
  QVERIFY(again.currentCardId().isEmpty() || QuizBank::builtIn().flashCard(again.currentCardId())->note == kVanishing);
  QCOMPARE(child<QLabel>(again, QStringLiteral("cardProgress"))->property("known").toInt(), 1);
}

void TestNotes::notYetComesBackSooner() {
  clearProgress();
  PracticeProgress progress;
  QStringList deck;
  for (const dlui::FlashCard& c : QuizBank::builtIn().flashCards()) deck << c.id;
  QVERIFY(deck.size() > 10);
  // Card 0 not yet, card 1 known: card 0 returns after three other cards, card 1 much later.
  QCOMPARE(progress.nextCard(deck), deck[0]);
  progress.recordCard(deck[0], false);
  QCOMPARE(progress.nextCard(deck), deck[1]);
  progress.recordCard(deck[1], true);
  QStringList order;
  for (int i = 0; i < 8; ++i) {
    order << progress.nextCard(deck);
    progress.recordCard(order.back(), true);
  }
  QCOMPARE(order.indexOf(deck[0]), 2);  // after deck[2], deck[3]
  QVERIFY(!order.contains(deck[1]));
  clearProgress();
}

// Markup left in the rendered text means Qt's Markdown reader did not understand the source.
void TestNotes::markdownRendersCleanly() {
  QStringList problems;
  for (const dlui::Note& note : NotesLibrary::builtIn().notes()) {
    for (const QString& lang : {QStringLiteral("zh"), QStringLiteral("en")}) {
      QTextDocument doc;
      doc.setMarkdown(dlui::cjkFriendlyMarkdown(note.body.in(lang)), QTextDocument::MarkdownDialectGitHub);
      const QString text = doc.toPlainText();
      for (const QString& markup : {QStringLiteral("**"), QStringLiteral("](note:"), QStringLiteral("\\("),
                                    QStringLiteral("$$"), QStringLiteral("|---"), QStringLiteral("| ---")})
        if (text.contains(markup))
          problems << QStringLiteral("%1.%2.md: \"%3\" left in the text").arg(note.id, lang, markup);
    }
  }
  QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

  // Bold that ends in a full-width bracket right before more Chinese text still closes.
  QTextDocument doc;
  doc.setMarkdown(dlui::cjkFriendlyMarkdown(QStringLiteral("**人工智能（AI）**是范围最大的概念，**强调**。")));
  QStringList bold, plain;
  for (auto it = doc.begin().begin(); !it.atEnd(); ++it) {
    QString t = it.fragment().text();
    t.remove(QChar(0x200B));
    (it.fragment().charFormat().fontWeight() > QFont::Normal ? bold : plain) << t;
  }
  QCOMPARE(bold.join(QLatin1Char('|')), QStringLiteral("人工智能（AI）|强调"));
  QVERIFY(!plain.join(QString()).contains(QLatin1Char('*')));
}

void TestNotes::screenshots() {
  clearProgress();
  for (const QString& lang : {QStringLiteral("zh"), QStringLiteral("en")}) {
    NotesDock dock;
    dock.setUiLanguage(lang);
    dock.setLanguageMode(lang == QLatin1String("zh") ? LanguageMode::Chinese : LanguageMode::English);
    dock.showNote(kVanishing);
    dock.resize(1100, 760);
    saveShot(dock, QStringLiteral("notes-dock-%1.png").arg(lang));

    PracticeDialog dialog;
    dialog.setUiLanguage(lang);
    dialog.setLanguageMode(lang == QLatin1String("zh") ? LanguageMode::Chinese : LanguageMode::English);
    dialog.setCurrentTab(PracticeDialog::Tab::Quiz);
    dialog.showQuestion(QStringLiteral("mc-what-adds-nonlinearity"));
    child<QRadioButton>(dialog, QStringLiteral("choice2"))->click();
    child<QPushButton>(dialog, QStringLiteral("quizCheck"))->click();
    saveShot(dialog, QStringLiteral("practice-%1.png").arg(lang));

    dialog.setCurrentTab(PracticeDialog::Tab::FlashCards);
    dialog.showCard(QStringLiteral("fc-dead-relu"));
    child<QPushButton>(dialog, QStringLiteral("cardReveal"))->click();
    saveShot(dialog, QStringLiteral("practice-cards-%1.png").arg(lang));
  }
  // Side by side, and presentation mode.
  NotesDock dock;
  dock.setUiLanguage(QStringLiteral("zh"));
  dock.setLanguageMode(LanguageMode::Both);
  dock.showNote(QStringLiteral("class-imbalance"));
  dock.setSearchText(QStringLiteral("梯度"));
  dock.resize(1400, 800);
  saveShot(dock, QStringLiteral("notes-dock-both.png"));
  dock.setSearchText(QString());
  dock.showNote(QStringLiteral("activation-functions"));  // has a table
  dock.setLanguageMode(LanguageMode::English);
  saveShot(dock, QStringLiteral("notes-dock-table.png"));
  dock.setPresentationMode(true);
  dock.setLanguageMode(LanguageMode::Chinese);
  dock.showNote(QStringLiteral("optimizers"));
  saveShot(dock, QStringLiteral("notes-dock-presentation.png"));

  PracticeDialog both;
  both.setLanguageMode(LanguageMode::Both);
  both.setUiLanguage(QStringLiteral("zh"));
  both.setNoteFilter(QStringLiteral("class-imbalance"));
  both.setCurrentTab(PracticeDialog::Tab::FlashCards);
  both.showCard(QStringLiteral("fc-imbalance-methods"));
  child<QPushButton>(both, QStringLiteral("cardReveal"))->click();
  saveShot(both, QStringLiteral("practice-both.png"));
  clearProgress();
}

QTEST_MAIN(TestNotes)
#include "tst_ui_notes.moc"
