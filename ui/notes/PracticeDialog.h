// The practice dialog (modeless): multiple-choice questions and flash cards from :/quiz/quiz.json,
// in Chinese, English or both, for all notes or one. Progress lives in PracticeProgress
// (QSettings). Model path: the set*/show* functions, which update controls under signal
// blockers and emit nothing; user path: the private slots behind the controls.
#pragma once

#include "notes/Bilingual.h"
#include "notes/PracticeProgress.h"

#include <QDialog>
#include <QList>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QFrame;
class QGridLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QVBoxLayout;

namespace dlui {

class NotesLibrary;
class QuizBank;
struct QuizQuestion;
struct FlashCard;

class PracticeDialog : public QDialog {
  Q_OBJECT
public:
  enum class Tab { Quiz = 0, FlashCards = 1 };

  explicit PracticeDialog(QWidget* parent = nullptr);
  // For tests and tools: other content than the compiled-in notes and quiz (must outlive the dialog).
  PracticeDialog(const NotesLibrary& library, const QuizBank& bank, QWidget* parent = nullptr);
  ~PracticeDialog() override;

  // Only the questions and cards of one note; an empty id means all notes.
  void setNoteFilter(const QString& noteId);
  QString noteFilter() const { return m_filter; }
  void setLanguageMode(LanguageMode mode);
  LanguageMode languageMode() const { return m_mode; }
  // "zh" or "en": the language of note titles in the topic list and headers.
  void setUiLanguage(const QString& code);
  QString uiLanguage() const { return m_uiLanguage; }
  void setCurrentTab(Tab tab);

  void showQuestion(const QString& id);
  void showCard(const QString& id);
  QString currentQuestionId() const { return m_questionId; }
  QString currentCardId() const { return m_cardId; }

signals:
  void openNote(const QString& noteId);
  void tryPreset(const QString& name);

protected:
  void changeEvent(QEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

private:
  struct ChoiceRow {
    QFrame* frame = nullptr;
    QAbstractButton* button = nullptr;
    QLabel* label = nullptr;
  };

  void buildUi();
  QWidget* buildQuizPage();
  QWidget* buildCardPage();
  void retranslateUi();
  void fillFilterCombo();
  void fillLanguageCombo();

  // ---- model → view ----
  QStringList filteredQuestionIds() const;
  QStringList filteredCardIds() const;
  void setQuestion(const QString& id);  // rebuilds the choices, clears the verdict
  void setCard(const QString& id);      // hides the answer
  void refreshQuiz();                   // texts, verdict and score of the current question
  void refreshCard();                   // texts, buttons and progress of the current card
  void rebuildCardPresets(const FlashCard* card);
  QString noteTitle(const QString& noteId) const;
  QString choiceText(const QuizQuestion& q, qsizetype index) const;

  // ---- user path: a control changed ----
  void userChangedFilter(int index);
  void userChangedLanguage(int index);
  void userChangedTab(int index);
  void updateCheckEnabled();
  void checkAnswer();
  void nextQuestion();
  void revealAnswer();
  void markCard(bool knew);
  void resetProgress();

  const NotesLibrary& m_library;
  const QuizBank& m_bank;
  PracticeProgress m_progress;
  QString m_filter;
  LanguageMode m_mode = LanguageMode::Chinese;
  QString m_uiLanguage;

  QString m_questionId;
  bool m_checked = false;
  bool m_lastCorrect = false;
  QString m_cardId;
  bool m_revealed = false;

  QLabel* m_filterLabel = nullptr;
  QComboBox* m_filterCombo = nullptr;
  QLabel* m_languageLabel = nullptr;
  QComboBox* m_languageCombo = nullptr;
  QPushButton* m_reset = nullptr;
  QTabWidget* m_tabs = nullptr;
  QPushButton* m_close = nullptr;

  // quiz
  QStackedWidget* m_quizStack = nullptr;
  QLabel* m_quizEmpty = nullptr;
  QLabel* m_quizHeader = nullptr;
  QLabel* m_quizQuestion = nullptr;
  QLabel* m_quizHint = nullptr;
  QVBoxLayout* m_choiceLayout = nullptr;
  QButtonGroup* m_choiceGroup = nullptr;
  QList<ChoiceRow> m_choices;
  QLabel* m_verdict = nullptr;
  QLabel* m_explanation = nullptr;
  QPushButton* m_quizOpenNote = nullptr;
  QPushButton* m_check = nullptr;
  QPushButton* m_next = nullptr;
  QLabel* m_quizScore = nullptr;

  // flash cards
  QStackedWidget* m_cardStack = nullptr;
  QLabel* m_cardEmpty = nullptr;
  QLabel* m_cardHeader = nullptr;
  QLabel* m_cardQuestion = nullptr;
  QFrame* m_cardRule = nullptr;
  QLabel* m_cardAnswer = nullptr;
  QPushButton* m_reveal = nullptr;
  QPushButton* m_knew = nullptr;
  QPushButton* m_notYet = nullptr;
  QPushButton* m_cardOpenNote = nullptr;
  QWidget* m_cardPresetBox = nullptr;
  QGridLayout* m_cardPresetLayout = nullptr;
  QList<QPushButton*> m_cardPresetButtons;
  QLabel* m_cardProgress = nullptr;
};

}  // namespace dlui
