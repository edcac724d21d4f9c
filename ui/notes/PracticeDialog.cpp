// The practice dialog: quiz and flash cards (see PracticeDialog.h).
#include "notes/PracticeDialog.h"

#include "notes/NotesFonts.h"
#include "notes/NotesLibrary.h"
#include "notes/QuizBank.h"

#include "io/PresetCatalog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextLayout>
#include <QtMath>
#include <QVBoxLayout>

namespace dlui {

namespace {

const QString kRight = QStringLiteral("#1b7f3b");
const QString kWrong = QStringLiteral("#b3261e");
const QString kRightFill = QStringLiteral("#e3f4e8");
const QString kWrongFill = QStringLiteral("#fbe4e2");

QLabel* wrappedLabel(QWidget* parent, const QString& objectName) {
  auto* label = new QLabel(parent);
  label->setObjectName(objectName);
  label->setWordWrap(true);
  label->setTextFormat(Qt::RichText);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

QScrollArea* scrolled(QWidget* content) {
  auto* area = new QScrollArea;
  area->setWidget(content);
  area->setWidgetResizable(true);
  area->setFrameShape(QFrame::NoFrame);
  return area;
}

// The height of a line of mixed Chinese and Latin text: the CJK fallback face is taller than
// QFontMetrics (which only knows the first family) says.
int lineHeight(const QFont& font) {
  QTextLayout layout(QStringLiteral("中A"), font);
  layout.beginLayout();
  const QTextLine line = layout.createLine();
  layout.endLayout();
  return qCeil(line.height());
}

QString choiceLetter(qsizetype index) { return QString(QChar(char16_t(u'A' + index))); }

}  // namespace

PracticeDialog::PracticeDialog(QWidget* parent)
    : PracticeDialog(NotesLibrary::builtIn(), QuizBank::builtIn(), parent) {}

PracticeDialog::PracticeDialog(const NotesLibrary& library, const QuizBank& bank, QWidget* parent)
    : QDialog(parent), m_library(library), m_bank(bank) {
  setObjectName(QStringLiteral("PracticeDialog"));
  setModal(false);
  setFont(cjkCapableFont(font()));
  m_uiLanguage = QLocale().language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en");
  m_mode = m_uiLanguage == QLatin1String("zh") ? LanguageMode::Chinese : LanguageMode::English;
  buildUi();
  retranslateUi();

  // Where the learner stopped last time.
  const QStringList questions = filteredQuestionIds();
  const QString lastQuestion = m_progress.lastQuestion();
  setQuestion(questions.contains(lastQuestion) ? lastQuestion : questions.value(0));
  const QStringList cards = filteredCardIds();
  const QString lastCard = m_progress.lastCard();
  setCard(cards.contains(lastCard) ? lastCard : m_progress.nextCard(cards));
  {
    const QSignalBlocker blocker(m_tabs);
    m_tabs->setCurrentIndex(qBound(0, m_progress.lastTab(), 1));
  }
  resize(860, 640);
}

PracticeDialog::~PracticeDialog() = default;

// ---------------------------------------------------------------------------------------------
// construction

void PracticeDialog::buildUi() {
  auto* top = new QHBoxLayout;
  m_filterLabel = new QLabel(this);
  m_filterCombo = new QComboBox(this);
  m_filterCombo->setObjectName(QStringLiteral("practiceFilter"));
  m_filterCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_filterCombo->setMaxVisibleItems(20);
  m_filterLabel->setBuddy(m_filterCombo);
  m_languageLabel = new QLabel(this);
  m_languageCombo = new QComboBox(this);
  m_languageCombo->setObjectName(QStringLiteral("practiceLanguage"));
  m_languageLabel->setBuddy(m_languageCombo);
  m_reset = new QPushButton(this);
  m_reset->setObjectName(QStringLiteral("resetProgress"));
  // Never the button Enter presses: not by default, and not after it has had the focus.
  m_reset->setAutoDefault(false);
  top->addWidget(m_filterLabel);
  top->addWidget(m_filterCombo, 1);
  top->addSpacing(12);
  top->addWidget(m_languageLabel);
  top->addWidget(m_languageCombo);
  top->addStretch();
  top->addWidget(m_reset);

  m_tabs = new QTabWidget(this);
  m_tabs->setObjectName(QStringLiteral("practiceTabs"));
  m_tabs->addTab(buildQuizPage(), QString());
  m_tabs->addTab(buildCardPage(), QString());

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  m_close = buttons->button(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(m_tabs, 1);
  layout->addWidget(buttons);

  // Enter checks the chosen answer (and does nothing while none is chosen). Set once the button
  // is inside the dialog: QDialog only learns of a default button among its descendants, and
  // without one it would make the first auto-default button in the focus chain, Reset, the default.
  m_check->setDefault(true);

  fillLanguageCombo();
  fillFilterCombo();
  connect(m_filterCombo, &QComboBox::activated, this, &PracticeDialog::userChangedFilter);
  connect(m_languageCombo, &QComboBox::activated, this, &PracticeDialog::userChangedLanguage);
  connect(m_tabs, &QTabWidget::currentChanged, this, &PracticeDialog::userChangedTab);
  connect(m_reset, &QPushButton::clicked, this, &PracticeDialog::resetProgress);
}

QWidget* PracticeDialog::buildQuizPage() {
  m_quizStack = new QStackedWidget;

  m_quizEmpty = wrappedLabel(m_quizStack, QStringLiteral("quizEmpty"));
  m_quizEmpty->setAlignment(Qt::AlignCenter);
  m_quizStack->addWidget(m_quizEmpty);

  auto* page = new QWidget;
  auto* content = new QWidget;
  auto* body = new QVBoxLayout(content);
  body->setSpacing(10);
  m_quizHeader = wrappedLabel(content, QStringLiteral("quizHeader"));
  m_quizHeader->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
  m_quizQuestion = wrappedLabel(content, QStringLiteral("quizQuestion"));
  m_quizQuestion->setFont(scaledFont(font(), 1.2));
  m_quizHint = wrappedLabel(content, QStringLiteral("quizHint"));
  QFont hintFont = font();
  hintFont.setItalic(true);
  m_quizHint->setFont(hintFont);
  m_choiceLayout = new QVBoxLayout;
  m_choiceLayout->setSpacing(4);
  m_verdict = wrappedLabel(content, QStringLiteral("quizVerdict"));
  QFont verdictFont = scaledFont(font(), 1.1);
  verdictFont.setBold(true);
  m_verdict->setFont(verdictFont);
  m_explanation = wrappedLabel(content, QStringLiteral("quizExplanation"));
  body->addWidget(m_quizHeader);
  body->addWidget(m_quizQuestion);
  body->addWidget(m_quizHint);
  body->addLayout(m_choiceLayout);
  body->addSpacing(6);
  body->addWidget(m_verdict);
  body->addWidget(m_explanation);
  body->addStretch();

  m_quizOpenNote = new QPushButton(page);
  m_quizOpenNote->setObjectName(QStringLiteral("quizOpenNote"));
  m_check = new QPushButton(page);
  m_check->setObjectName(QStringLiteral("quizCheck"));
  m_next = new QPushButton(page);
  m_next->setObjectName(QStringLiteral("quizNext"));
  m_quizScore = wrappedLabel(page, QStringLiteral("quizScore"));

  auto* actions = new QHBoxLayout;
  actions->addWidget(m_quizOpenNote);
  actions->addStretch();
  actions->addWidget(m_check);
  actions->addWidget(m_next);
  auto* layout = new QVBoxLayout(page);
  layout->addWidget(scrolled(content), 1);
  layout->addLayout(actions);
  layout->addWidget(m_quizScore);
  m_quizStack->addWidget(page);

  m_choiceGroup = new QButtonGroup(this);
  connect(m_check, &QPushButton::clicked, this, &PracticeDialog::checkAnswer);
  connect(m_next, &QPushButton::clicked, this, &PracticeDialog::nextQuestion);
  connect(m_quizOpenNote, &QPushButton::clicked, this, [this] {
    if (const QuizQuestion* q = m_bank.question(m_questionId)) emit openNote(q->note);
  });
  return m_quizStack;
}

QWidget* PracticeDialog::buildCardPage() {
  m_cardStack = new QStackedWidget;

  m_cardEmpty = wrappedLabel(m_cardStack, QStringLiteral("cardEmpty"));
  m_cardEmpty->setAlignment(Qt::AlignCenter);
  m_cardStack->addWidget(m_cardEmpty);

  auto* page = new QWidget;
  auto* content = new QWidget;
  auto* body = new QVBoxLayout(content);
  body->setSpacing(10);
  m_cardHeader = wrappedLabel(content, QStringLiteral("cardHeader"));
  m_cardHeader->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
  m_cardQuestion = wrappedLabel(content, QStringLiteral("cardQuestion"));
  QFont questionFont = scaledFont(font(), 1.25);
  questionFont.setBold(true);
  m_cardQuestion->setFont(questionFont);
  m_cardRule = new QFrame(content);
  m_cardRule->setFrameShape(QFrame::HLine);
  m_cardRule->setFrameShadow(QFrame::Sunken);
  m_cardAnswer = wrappedLabel(content, QStringLiteral("cardAnswer"));
  m_cardAnswer->setFont(scaledFont(font(), 1.1));
  m_cardPresetBox = new QWidget(content);
  m_cardPresetLayout = new QGridLayout(m_cardPresetBox);
  m_cardPresetLayout->setContentsMargins(0, 0, 0, 0);
  body->addWidget(m_cardHeader);
  body->addWidget(m_cardQuestion);
  body->addWidget(m_cardRule);
  body->addWidget(m_cardAnswer);
  body->addWidget(m_cardPresetBox);
  body->addStretch();

  m_cardOpenNote = new QPushButton(page);
  m_cardOpenNote->setObjectName(QStringLiteral("cardOpenNote"));
  m_reveal = new QPushButton(page);
  m_reveal->setObjectName(QStringLiteral("cardReveal"));
  m_knew = new QPushButton(page);
  m_knew->setObjectName(QStringLiteral("cardKnew"));
  m_notYet = new QPushButton(page);
  m_notYet->setObjectName(QStringLiteral("cardNotYet"));
  m_cardProgress = wrappedLabel(page, QStringLiteral("cardProgress"));

  auto* actions = new QHBoxLayout;
  actions->addWidget(m_cardOpenNote);
  actions->addStretch();
  actions->addWidget(m_reveal);
  actions->addWidget(m_notYet);
  actions->addWidget(m_knew);
  auto* layout = new QVBoxLayout(page);
  layout->addWidget(scrolled(content), 1);
  layout->addLayout(actions);
  layout->addWidget(m_cardProgress);
  m_cardStack->addWidget(page);

  connect(m_reveal, &QPushButton::clicked, this, &PracticeDialog::revealAnswer);
  connect(m_knew, &QPushButton::clicked, this, [this] { markCard(true); });
  connect(m_notYet, &QPushButton::clicked, this, [this] { markCard(false); });
  connect(m_cardOpenNote, &QPushButton::clicked, this, [this] {
    if (const FlashCard* c = m_bank.flashCard(m_cardId)) emit openNote(c->note);
  });
  return m_cardStack;
}

void PracticeDialog::retranslateUi() {
  setWindowTitle(tr("Practice"));
  m_filterLabel->setText(tr("&Topic:"));
  m_languageLabel->setText(tr("&Language:"));
  m_reset->setText(tr("Reset progress"));
  m_reset->setToolTip(tr("Forget all answers and flash-card marks"));
  m_tabs->setTabText(int(Tab::Quiz), tr("Quiz"));
  m_tabs->setTabText(int(Tab::FlashCards), tr("Flash cards"));
  m_close->setText(tr("Close"));
  m_quizEmpty->setText(tr("No quiz questions for this topic. Try the flash cards, or choose all topics."));
  m_quizOpenNote->setText(tr("Open note"));
  m_quizOpenNote->setToolTip(tr("Show the note this question practises"));
  m_check->setText(tr("Check"));
  m_next->setText(tr("Next"));
  m_cardEmpty->setText(tr("No flash cards for this topic."));
  m_cardOpenNote->setText(tr("Open note"));
  m_cardOpenNote->setToolTip(tr("Show the note this card practises"));
  m_reveal->setText(tr("Reveal answer"));
  m_knew->setText(tr("I knew it"));
  m_knew->setToolTip(tr("The card comes back later, and later each time you know it"));
  m_notYet->setText(tr("Not yet"));
  m_notYet->setToolTip(tr("The card comes back after a few others"));
  fillLanguageCombo();
  fillFilterCombo();
  refreshQuiz();
  refreshCard();
}

void PracticeDialog::fillLanguageCombo() {
  const QSignalBlocker blocker(m_languageCombo);
  m_languageCombo->clear();
  //: Language choice; shown in its own language.
  m_languageCombo->addItem(tr("中文"), int(LanguageMode::Chinese));
  m_languageCombo->addItem(tr("English"), int(LanguageMode::English));
  //: Language choice: Chinese with English under it.
  m_languageCombo->addItem(tr("中文 + English"), int(LanguageMode::Both));
  m_languageCombo->setCurrentIndex(m_languageCombo->findData(int(m_mode)));
}

void PracticeDialog::fillFilterCombo() {
  const QSignalBlocker blocker(m_filterCombo);
  m_filterCombo->clear();
  m_filterCombo->addItem(tr("All topics"), QString());
  for (const NoteGroup& g : m_library.groups())
    for (const Note* n : m_library.notesInGroup(g.id)) m_filterCombo->addItem(n->title.in(m_uiLanguage), n->id);
  const int index = m_filterCombo->findData(m_filter);
  m_filterCombo->setCurrentIndex(index < 0 ? 0 : index);
}

void PracticeDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QDialog::changeEvent(event);
}

// A click on a choice's text selects the choice, as a click on a button's own text would.
bool PracticeDialog::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::MouseButtonRelease && static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton) {
    for (const ChoiceRow& row : m_choices)
      if (row.label == watched && row.button->isEnabled()) {
        row.button->click();
        return true;
      }
  }
  return QDialog::eventFilter(watched, event);
}

// ---------------------------------------------------------------------------------------------
// model → view

void PracticeDialog::setNoteFilter(const QString& noteId) {
  m_filter = m_library.contains(noteId) ? noteId : QString();
  {
    const QSignalBlocker blocker(m_filterCombo);
    const int index = m_filterCombo->findData(m_filter);
    m_filterCombo->setCurrentIndex(index < 0 ? 0 : index);
  }
  const QStringList questions = filteredQuestionIds();
  if (!questions.contains(m_questionId)) setQuestion(questions.value(0));
  const QStringList cards = filteredCardIds();
  if (!cards.contains(m_cardId)) setCard(m_progress.nextCard(cards));
  refreshQuiz();
  refreshCard();
  // Show a page that has something on it.
  const QSignalBlocker blocker(m_tabs);
  if (questions.isEmpty() && !cards.isEmpty()) m_tabs->setCurrentIndex(int(Tab::FlashCards));
  if (cards.isEmpty() && !questions.isEmpty()) m_tabs->setCurrentIndex(int(Tab::Quiz));
}

void PracticeDialog::setLanguageMode(LanguageMode mode) {
  m_mode = mode;
  {
    const QSignalBlocker blocker(m_languageCombo);
    m_languageCombo->setCurrentIndex(m_languageCombo->findData(int(mode)));
  }
  refreshQuiz();
  refreshCard();
}

void PracticeDialog::setUiLanguage(const QString& code) {
  m_uiLanguage = code == QLatin1String("zh") ? code : QStringLiteral("en");
  fillFilterCombo();
  refreshQuiz();
  refreshCard();
}

void PracticeDialog::setCurrentTab(Tab tab) {
  {
    const QSignalBlocker blocker(m_tabs);
    m_tabs->setCurrentIndex(int(tab));
  }
  m_progress.setLastTab(int(tab));
}

void PracticeDialog::showQuestion(const QString& id) {
  if (m_bank.question(id)) setQuestion(id);
}

void PracticeDialog::showCard(const QString& id) {
  if (m_bank.flashCard(id)) setCard(id);
}

QStringList PracticeDialog::filteredQuestionIds() const {
  QStringList ids;
  for (const QuizQuestion& q : m_bank.questions())
    if (m_filter.isEmpty() || q.note == m_filter) ids << q.id;
  return ids;
}

QStringList PracticeDialog::filteredCardIds() const {
  QStringList ids;
  for (const FlashCard& c : m_bank.flashCards())
    if (m_filter.isEmpty() || c.note == m_filter) ids << c.id;
  return ids;
}

QString PracticeDialog::noteTitle(const QString& noteId) const {
  const Note* n = m_library.note(noteId);
  return n ? n->title.in(m_uiLanguage) : noteId;
}

QString PracticeDialog::choiceText(const QuizQuestion& q, qsizetype index) const {
  return bilingualHtml({q.choicesZh.value(index), q.choicesEn.value(index)}, m_mode);
}

void PracticeDialog::setQuestion(const QString& id) {
  m_questionId = id;
  m_checked = false;
  if (!id.isEmpty()) m_progress.setLastQuestion(id);

  for (const ChoiceRow& row : m_choices) {
    m_choiceGroup->removeButton(row.button);
    delete row.frame;
  }
  m_choices.clear();
  if (const QuizQuestion* q = m_bank.question(id)) {
    m_choiceGroup->setExclusive(!q->multipleAnswers());
    for (qsizetype i = 0; i < q->choiceCount(); ++i) {
      ChoiceRow row;
      row.frame = new QFrame;
      row.frame->setObjectName(QStringLiteral("choiceRow%1").arg(i));
      auto* rowLayout = new QHBoxLayout(row.frame);
      rowLayout->setContentsMargins(6, 4, 6, 4);
      if (q->multipleAnswers())
        row.button = new QCheckBox(row.frame);
      else
        row.button = new QRadioButton(row.frame);
      row.button->setObjectName(QStringLiteral("choice%1").arg(i));
      row.label = new QLabel(row.frame);
      row.label->setWordWrap(true);
      row.label->setTextFormat(Qt::RichText);
      row.label->setBuddy(row.button);
      row.label->setCursor(Qt::PointingHandCursor);
      row.label->installEventFilter(this);
      // As tall as one line of the text, so the indicator sits beside the first line.
      row.button->setFixedHeight(qMax(row.button->sizeHint().height(), lineHeight(row.label->font())));
      rowLayout->addWidget(row.button, 0, Qt::AlignTop);
      rowLayout->addWidget(row.label, 1);
      m_choiceGroup->addButton(row.button, int(i));
      connect(row.button, &QAbstractButton::toggled, this, &PracticeDialog::updateCheckEnabled);
      m_choiceLayout->addWidget(row.frame);
      m_choices << row;
    }
  }
  refreshQuiz();
}

void PracticeDialog::refreshQuiz() {
  const QuizQuestion* q = m_bank.question(m_questionId);
  const QStringList ids = filteredQuestionIds();
  m_quizStack->setCurrentIndex(q ? 1 : 0);

  // Score over the questions in the filter.
  int answered = 0, right = 0;
  for (const QString& id : ids) {
    const PracticeProgress::QuestionStats s = m_progress.question(id);
    answered += s.answered > 0 ? 1 : 0;
    right += s.answered > 0 && s.lastCorrect ? 1 : 0;
  }
  m_quizScore->setText(
      tr("Score: %1 of %2 questions answered, %3 right at the last try").arg(answered).arg(ids.size()).arg(right));
  if (!q) return;

  m_quizHeader->setText(tr("Question %1 of %2 · %3")
                            .arg(ids.indexOf(m_questionId) + 1)
                            .arg(ids.size())
                            .arg(noteTitle(q->note).toHtmlEscaped()));
  m_quizQuestion->setText(bilingualHtml(q->question, m_mode));
  m_quizHint->setText(tr("Several answers are right: select all of them."));
  m_quizHint->setVisible(q->multipleAnswers());
  for (qsizetype i = 0; i < m_choices.size(); ++i) {
    const ChoiceRow& row = m_choices[i];
    row.label->setText(choiceText(*q, i));
    row.button->setEnabled(!m_checked);
    QString fill;
    if (m_checked && q->answer.contains(int(i)))
      fill = kRightFill;
    else if (m_checked && row.button->isChecked())
      fill = kWrongFill;
    row.frame->setStyleSheet(
        fill.isEmpty()
            ? QString()
            : QStringLiteral("QFrame#%1 { background: %2; border-radius: 4px; }").arg(row.frame->objectName(), fill));
  }

  if (m_checked) {
    QStringList letters;
    for (int a : q->answer) letters << choiceLetter(a);
    m_verdict->setText(m_lastCorrect ? tr("Right!")
                                     : tr("Not quite. The answer is %1.").arg(letters.join(QStringLiteral(", "))));
    m_verdict->setStyleSheet(QStringLiteral("color: %1;").arg(m_lastCorrect ? kRight : kWrong));
    m_verdict->setProperty("verdict", m_lastCorrect ? QStringLiteral("right") : QStringLiteral("wrong"));
    m_explanation->setText(bilingualHtml(q->explanation, m_mode));
  } else {
    m_verdict->clear();
    m_verdict->setProperty("verdict", QString());
    m_explanation->clear();
  }
  m_verdict->setVisible(m_checked);
  m_explanation->setVisible(m_checked);
  m_next->setEnabled(ids.size() > 1 || m_checked);
  updateCheckEnabled();
}

void PracticeDialog::setCard(const QString& id) {
  m_cardId = id;
  m_revealed = false;
  if (!id.isEmpty()) m_progress.setLastCard(id);
  rebuildCardPresets(m_bank.flashCard(id));
  refreshCard();
}

void PracticeDialog::rebuildCardPresets(const FlashCard* card) {
  qDeleteAll(m_cardPresetButtons);
  m_cardPresetButtons.clear();
  if (!card) return;
  constexpr int kColumns = 2;
  for (const QString& preset : card->presets) {
    auto* button = new QPushButton(m_cardPresetBox);
    button->setObjectName(QStringLiteral("try:%1").arg(preset));
    button->setProperty("preset", preset);
    connect(button, &QPushButton::clicked, this, [this, preset] { emit tryPreset(preset); });
    const int n = int(m_cardPresetButtons.size());
    m_cardPresetLayout->addWidget(button, n / kColumns, n % kColumns);
    m_cardPresetButtons << button;
  }
}

void PracticeDialog::refreshCard() {
  const FlashCard* card = m_bank.flashCard(m_cardId);
  const QStringList ids = filteredCardIds();
  m_cardStack->setCurrentIndex(card ? 1 : 0);

  int known = 0, notYet = 0;
  for (const QString& id : ids) {
    const PracticeProgress::CardStats s = m_progress.card(id);
    known += s.seen() && s.lastKnown ? 1 : 0;
    notYet += s.seen() && !s.lastKnown ? 1 : 0;
  }
  m_cardProgress->setText(tr("%1 of %2 cards known · %3 not yet · %4 new")
                              .arg(known)
                              .arg(ids.size())
                              .arg(notYet)
                              .arg(ids.size() - known - notYet));
  m_cardProgress->setProperty("known", known);
  m_cardProgress->setProperty("notYet", notYet);
  if (!card) return;

  const PracticeProgress::CardStats stats = m_progress.card(m_cardId);
  QString state;
  if (!stats.seen())
    state = tr("new");
  else if (stats.lastKnown)
    state = tr("known %n time(s)", nullptr, stats.known);
  else
    state = tr("not yet");
  m_cardHeader->setText(tr("Card %1 of %2 · %3 · %4")
                            .arg(ids.indexOf(m_cardId) + 1)
                            .arg(ids.size())
                            .arg(noteTitle(card->note).toHtmlEscaped(), state));
  m_cardQuestion->setText(bilingualHtml(card->question, m_mode));
  m_cardAnswer->setText(bilingualHtml(card->answer, m_mode));
  m_cardAnswer->setVisible(m_revealed);
  m_cardRule->setVisible(m_revealed);
  m_reveal->setVisible(!m_revealed);
  m_knew->setVisible(m_revealed);
  m_notYet->setVisible(m_revealed);
  for (QPushButton* button : m_cardPresetButtons) {
    const QString preset = button->property("preset").toString();
    button->setText(tr("Try it: %1").arg(dlio::PresetCatalog::builtIn().title(preset, m_uiLanguage)));
    const LocalizedText watch = m_library.watchLine(preset, card->note);
    button->setToolTip(watch.isEmpty() ? QString() : tr("Watch: %1").arg(watch.in(m_uiLanguage)));
  }
  m_cardPresetBox->setVisible(!m_cardPresetButtons.isEmpty());
}

// ---------------------------------------------------------------------------------------------
// user path

void PracticeDialog::userChangedFilter(int index) { setNoteFilter(m_filterCombo->itemData(index).toString()); }

void PracticeDialog::userChangedLanguage(int index) {
  m_mode = LanguageMode(m_languageCombo->itemData(index).toInt());
  refreshQuiz();
  refreshCard();
}

void PracticeDialog::userChangedTab(int index) { m_progress.setLastTab(index); }

void PracticeDialog::updateCheckEnabled() {
  bool any = false;
  for (const ChoiceRow& row : m_choices) any = any || row.button->isChecked();
  m_check->setEnabled(any && !m_checked);
}

void PracticeDialog::checkAnswer() {
  const QuizQuestion* q = m_bank.question(m_questionId);
  if (!q || m_checked) return;
  QList<int> selected;
  for (qsizetype i = 0; i < m_choices.size(); ++i)
    if (m_choices[i].button->isChecked()) selected << int(i);
  if (selected.isEmpty()) return;
  m_lastCorrect = q->isCorrect(selected);
  m_checked = true;
  m_progress.recordAnswer(q->id, m_lastCorrect);
  refreshQuiz();
  m_next->setFocus();
}

void PracticeDialog::nextQuestion() {
  const QStringList ids = filteredQuestionIds();
  if (ids.isEmpty()) return;
  const qsizetype at = ids.indexOf(m_questionId);
  setQuestion(ids.value((at + 1) % ids.size()));
}

void PracticeDialog::revealAnswer() {
  m_revealed = true;
  refreshCard();
  m_knew->setFocus();
}

void PracticeDialog::markCard(bool knew) {
  if (m_cardId.isEmpty() || !m_revealed) return;
  m_progress.recordCard(m_cardId, knew);
  setCard(m_progress.nextCard(filteredCardIds()));
  m_reveal->setFocus();
}

void PracticeDialog::resetProgress() {
  const auto answer =
      QMessageBox::question(this, tr("Reset progress"), tr("Forget all quiz answers and flash-card marks?"),
                            QMessageBox::Reset | QMessageBox::Cancel, QMessageBox::Cancel);
  if (answer != QMessageBox::Reset) return;
  m_progress.reset();
  const QStringList questions = filteredQuestionIds();
  setQuestion(questions.value(0));
  setCard(m_progress.nextCard(filteredCardIds()));
}

}  // namespace dlui
