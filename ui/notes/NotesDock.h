// The notes dock: the bilingual study notes as a topic tree with full-text search, a Markdown
// viewer in Chinese, English or both side by side, note-to-note links with back/forward, a
// "Try it" button per experiment preset with what to watch, and a way into practice.
// Model path: showNote(), setLanguageMode(), setUiLanguage(), setPresentationMode() update the
// controls under signal blockers; user path: the private slots behind the controls.
#pragma once

#include "notes/Bilingual.h"

#include <QDockWidget>
#include <QList>
#include <QStringList>

class QButtonGroup;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTextBrowser;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;
class QUrl;
class QVBoxLayout;

namespace dlui {

class NotesLibrary;
struct Note;

class NotesDock : public QDockWidget {
  Q_OBJECT
public:
  explicit NotesDock(QWidget* parent = nullptr);
  // For tests and tools: other notes than the compiled-in ones (must outlive the dock).
  explicit NotesDock(const NotesLibrary& library, QWidget* parent = nullptr);
  ~NotesDock() override;

  QString currentNoteId() const { return m_currentId; }
  LanguageMode languageMode() const { return m_mode; }
  QString uiLanguage() const { return m_uiLanguage; }
  bool presentationMode() const { return m_presentation; }
  QString searchText() const;
  // Ids of the notes the tree shows under the current search.
  QStringList visibleNoteIds() const;

public slots:
  // Shows a note and records it in the back/forward history; unknown ids are ignored.
  void showNote(const QString& id);
  void setLanguageMode(dlui::LanguageMode mode);
  // "zh" or "en": the language of topic titles, "Try it" tooltips and what-to-watch lines.
  void setUiLanguage(const QString& code);
  // Larger fonts for a projector.
  void setPresentationMode(bool on);
  void setSearchText(const QString& text);
  void back();
  void forward();

signals:
  void tryPreset(const QString& name);
  void practiceRequested(const QString& noteId);
  void currentNoteChanged(const QString& noteId);
  // The user chose 中文, English or Both (not emitted by setLanguageMode()).
  void languageModeChanged(dlui::LanguageMode mode);

protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

private:
  struct PresetRow {
    QString preset;
    QWidget* box = nullptr;  // owns the button and the label
    QPushButton* button = nullptr;
    QLabel* watch = nullptr;
  };

  void buildUi();
  void retranslateUi();

  // ---- model → view ----
  void fillTree();
  void displayNote(const QString& id);  // without touching the history
  // The open note into the viewers: at once into those the language mode shows, into a hidden one
  // when it is next shown (parsing and laying out a note's Markdown is most of a preset load's
  // work on the GUI thread; with one language shown, half of it is for a hidden viewer).
  void renderBodies();
  void renderShownBodies();
  void rebuildPresetRows(const Note* note);
  void retranslatePresetRows();
  void fitTryArea();
  // Narrow dock (a projector at 1366×768 with large text): the topic list folds away behind the
  // Topics button so the note keeps its width; wide enough, the list is always there.
  bool topicsFolded() const;
  void updateTopics();
  void applyFilter();
  void highlightMatches(bool scrollToFirst, QTextBrowser* only = nullptr);  // only: one viewer
  void showViewers();
  void applyFonts();
  void updateHistoryButtons();

  // ---- user path: a control changed ----
  void userSelectedItem(QTreeWidgetItem* item);
  void userEditedSearch(const QString& text);
  void userChangedMode(int id);
  void userToggledPresentation(bool on);
  void userClickedLink(const QUrl& url);
  void syncScroll(QTextBrowser* from, QTextBrowser* to);

  const NotesLibrary& m_library;
  QString m_currentId;
  LanguageMode m_mode = LanguageMode::Chinese;
  QString m_uiLanguage;
  bool m_presentation = false;
  QStringList m_history;
  qsizetype m_historyIndex = -1;
  bool m_syncingScroll = false;
  bool m_staleZh = true, m_staleEn = true;  // the viewer does not show the open note yet
  QFont m_baseFont;

  QWidget* m_content = nullptr;
  QToolButton* m_back = nullptr;
  QToolButton* m_forward = nullptr;
  QLineEdit* m_search = nullptr;
  QButtonGroup* m_modeGroup = nullptr;
  QToolButton* m_modeZh = nullptr;
  QToolButton* m_modeEn = nullptr;
  QToolButton* m_modeBoth = nullptr;
  QToolButton* m_presentationButton = nullptr;
  QToolButton* m_topicsButton = nullptr;  // shown only when the dock is too narrow for the list
  QWidget* m_topics = nullptr;            // the topic tree and the search summary
  QSplitter* m_mainSplitter = nullptr;
  QTreeWidget* m_tree = nullptr;
  QLabel* m_searchInfo = nullptr;
  QSplitter* m_viewerSplitter = nullptr;
  QTextBrowser* m_viewerZh = nullptr;
  QTextBrowser* m_viewerEn = nullptr;
  QScrollArea* m_tryArea = nullptr;
  QGroupBox* m_tryBox = nullptr;
  QVBoxLayout* m_tryLayout = nullptr;
  QList<PresetRow> m_presetRows;
  QPushButton* m_practice = nullptr;
};

}  // namespace dlui
