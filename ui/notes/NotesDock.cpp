// The notes dock (see NotesDock.h).
#include "notes/NotesDock.h"

#include "notes/NotesFonts.h"
#include "notes/NotesLibrary.h"

#include "io/PresetCatalog.h"

#include <QButtonGroup>
#include <QDesktopServices>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStyle>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace dlui {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr double kPresentationScale = 1.6;
constexpr double kViewerScale = 1.2;  // the text is for reading, a bit larger than the controls
const QColor kMatchFill(0xff, 0xe5, 0x8a);
const QColor kTableRule(0xb8, 0xc0, 0xcc);

// Markdown into a viewer, with the table rules and line spacing Qt's importer leaves out. Built in
// a document of its own and handed to the viewer finished: formatted inside the viewer, every
// change (the line spacing of each block, each heading's size) laid the note out again.
void renderMarkdown(QTextBrowser* viewer, const QString& markdown) {
  QTextDocument* previous = viewer->document();
  auto* doc = new QTextDocument(viewer);
  doc->setDefaultFont(viewer->font());
  doc->setDefaultStyleSheet(previous->defaultStyleSheet());
  doc->setMarkdown(cjkFriendlyMarkdown(markdown), QTextDocument::MarkdownDialectGitHub);
  doc->setDocumentMargin(12);
  for (QTextFrame* frame : doc->rootFrame()->childFrames()) {
    auto* table = qobject_cast<QTextTable*>(frame);
    if (!table) continue;
    QTextTableFormat format = table->format();
    format.setBorder(1);
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setBorderBrush(kTableRule);
    format.setBorderCollapse(true);
    format.setCellSpacing(0);
    format.setCellPadding(5);
    table->setFormat(format);
  }
  QTextCursor cursor(doc);
  cursor.select(QTextCursor::Document);
  QTextBlockFormat spacing;
  spacing.setLineHeight(125, QTextBlockFormat::ProportionalHeight);
  cursor.mergeBlockFormat(spacing);
  // Headings one size step below Qt's Markdown defaults (h1 twice the text): in a dock, and with
  // large text on a projector, a title must not fill the view.
  for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
    const int level = block.blockFormat().headingLevel();
    if (level <= 0) continue;
    QTextCursor heading(block);
    heading.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    QTextCharFormat size;
    size.setProperty(QTextFormat::FontSizeAdjustment, level == 1 ? 2 : level == 2 ? 1 : 0);
    heading.mergeCharFormat(size);
  }
  viewer->setDocument(doc);
  // Later, not now: a link clicked in the old note may be what loads this one.
  previous->deleteLater();
  viewer->moveCursor(QTextCursor::Start);  // or the view follows the cursor to the end
  viewer->verticalScrollBar()->setValue(0);
}

QTextBrowser* makeViewer(QWidget* parent, const QString& objectName) {
  auto* viewer = new QTextBrowser(parent);
  viewer->setObjectName(objectName);
  viewer->setOpenLinks(false);
  viewer->setOpenExternalLinks(false);
  // A document of ours from the start: renderMarkdown() replaces it and deletes the old one
  // later (a document Qt created, Qt would delete at once, inside a link's click).
  viewer->setDocument(new QTextDocument(viewer));
  return viewer;
}

}  // namespace

NotesDock::NotesDock(QWidget* parent) : NotesDock(NotesLibrary::builtIn(), parent) {}

NotesDock::NotesDock(const NotesLibrary& library, QWidget* parent) : QDockWidget(parent), m_library(library) {
  setObjectName(QStringLiteral("NotesDock"));
  m_uiLanguage = QLocale().language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en");
  m_mode = m_uiLanguage == QLatin1String("zh") ? LanguageMode::Chinese : LanguageMode::English;
  m_baseFont = font();
  buildUi();
  fillTree();
  applyFonts();
  showViewers();
  retranslateUi();
  if (!m_library.groups().isEmpty()) {
    const QList<const Note*> first = m_library.notesInGroup(m_library.groups().front().id);
    if (!first.isEmpty()) showNote(first.front()->id);
  }
}

NotesDock::~NotesDock() = default;

// ---------------------------------------------------------------------------------------------
// construction

void NotesDock::buildUi() {
  m_content = new QWidget(this);

  // toolbar: history, search, language, presentation
  m_back = new QToolButton(m_content);
  m_back->setObjectName(QStringLiteral("notesBack"));
  m_back->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
  m_forward = new QToolButton(m_content);
  m_forward->setObjectName(QStringLiteral("notesForward"));
  m_forward->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
  m_search = new QLineEdit(m_content);
  m_search->setObjectName(QStringLiteral("notesSearch"));
  m_search->setClearButtonEnabled(true);
  m_modeZh = new QToolButton(m_content);
  m_modeEn = new QToolButton(m_content);
  m_modeBoth = new QToolButton(m_content);
  m_modeGroup = new QButtonGroup(this);
  m_modeGroup->setExclusive(true);
  m_modeGroup->addButton(m_modeZh, int(LanguageMode::Chinese));
  m_modeGroup->addButton(m_modeEn, int(LanguageMode::English));
  m_modeGroup->addButton(m_modeBoth, int(LanguageMode::Both));
  for (QAbstractButton* b : m_modeGroup->buttons()) b->setCheckable(true);
  m_modeZh->setObjectName(QStringLiteral("modeChinese"));
  m_modeEn->setObjectName(QStringLiteral("modeEnglish"));
  m_modeBoth->setObjectName(QStringLiteral("modeBoth"));
  m_presentationButton = new QToolButton(m_content);
  m_presentationButton->setObjectName(QStringLiteral("presentationMode"));
  m_presentationButton->setCheckable(true);

  m_topicsButton = new QToolButton(m_content);
  m_topicsButton->setObjectName(QStringLiteral("notesTopics"));
  m_topicsButton->setCheckable(true);
  m_topicsButton->setText(QStringLiteral("☰"));

  auto* toolbar = new QHBoxLayout;
  toolbar->setSpacing(4);
  toolbar->addWidget(m_topicsButton);
  toolbar->addWidget(m_back);
  toolbar->addWidget(m_forward);
  toolbar->addWidget(m_search, 1);
  toolbar->addSpacing(8);
  toolbar->addWidget(m_modeZh);
  toolbar->addWidget(m_modeEn);
  toolbar->addWidget(m_modeBoth);
  toolbar->addSpacing(8);
  toolbar->addWidget(m_presentationButton);

  // left: topic tree
  auto* left = new QWidget(m_content);
  m_topics = left;
  m_tree = new QTreeWidget(left);
  m_tree->setObjectName(QStringLiteral("notesTree"));
  m_tree->setHeaderHidden(true);
  m_tree->setColumnCount(1);
  m_tree->setUniformRowHeights(false);
  m_tree->setTextElideMode(Qt::ElideRight);  // the tooltip has the full title
  m_searchInfo = new QLabel(left);
  m_searchInfo->setObjectName(QStringLiteral("notesSearchInfo"));
  m_searchInfo->setWordWrap(true);
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 0, 0);
  leftLayout->addWidget(m_tree, 1);
  leftLayout->addWidget(m_searchInfo);

  // right: viewers over the "Try it" box and the practice button
  auto* right = new QWidget(m_content);
  m_viewerSplitter = new QSplitter(Qt::Horizontal, right);
  m_viewerSplitter->setChildrenCollapsible(false);
  m_viewerZh = makeViewer(m_viewerSplitter, QStringLiteral("viewerChinese"));
  m_viewerEn = makeViewer(m_viewerSplitter, QStringLiteral("viewerEnglish"));
  m_viewerSplitter->addWidget(m_viewerZh);
  m_viewerSplitter->addWidget(m_viewerEn);

  m_tryBox = new QGroupBox;
  m_tryBox->setObjectName(QStringLiteral("tryBox"));
  m_tryLayout = new QVBoxLayout(m_tryBox);
  m_tryLayout->setSpacing(2);
  m_tryArea = new QScrollArea;
  m_tryArea->setWidget(m_tryBox);
  m_tryArea->setWidgetResizable(true);
  m_tryArea->setFrameShape(QFrame::NoFrame);

  m_tryArea->installEventFilter(this);  // re-fit its height when its width changes
  m_content->installEventFilter(this);  // fold or unfold the topic list
  m_practice = new QPushButton(right);
  m_practice->setObjectName(QStringLiteral("notesPractice"));
  auto* bottom = new QHBoxLayout;
  bottom->addStretch();
  bottom->addWidget(m_practice);
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  rightLayout->addWidget(m_viewerSplitter, 1);
  rightLayout->addWidget(m_tryArea);
  rightLayout->addLayout(bottom);

  m_mainSplitter = new QSplitter(Qt::Horizontal, m_content);
  m_mainSplitter->addWidget(left);
  m_mainSplitter->addWidget(right);
  m_mainSplitter->setStretchFactor(0, 1);
  m_mainSplitter->setStretchFactor(1, 3);
  m_mainSplitter->setSizes({300, 740});

  auto* layout = new QVBoxLayout(m_content);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(toolbar);
  layout->addWidget(m_mainSplitter, 1);
  setWidget(m_content);

  connect(m_back, &QToolButton::clicked, this, &NotesDock::back);
  connect(m_forward, &QToolButton::clicked, this, &NotesDock::forward);
  connect(m_search, &QLineEdit::textEdited, this, &NotesDock::userEditedSearch);
  connect(m_search, &QLineEdit::returnPressed, this, [this] {
    const QStringList ids = visibleNoteIds();
    if (!ids.isEmpty() && !ids.contains(m_currentId)) showNote(ids.front());
  });
  connect(m_modeGroup, &QButtonGroup::idClicked, this, &NotesDock::userChangedMode);
  connect(m_presentationButton, &QToolButton::toggled, this, &NotesDock::userToggledPresentation);
  connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) { userSelectedItem(item); });
  connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
    userSelectedItem(item);
    // Folded list opened to pick a note: fold it again so the note gets the room.
    if (topicsFolded() && !item->data(0, kIdRole).toString().isEmpty()) m_topicsButton->setChecked(false);
  });
  connect(m_topicsButton, &QToolButton::toggled, this, &NotesDock::updateTopics);
  for (QTextBrowser* v : {m_viewerZh, m_viewerEn})
    connect(v, &QTextBrowser::anchorClicked, this, &NotesDock::userClickedLink);
  connect(m_viewerZh->verticalScrollBar(), &QScrollBar::valueChanged, this,
          [this] { syncScroll(m_viewerZh, m_viewerEn); });
  connect(m_viewerEn->verticalScrollBar(), &QScrollBar::valueChanged, this,
          [this] { syncScroll(m_viewerEn, m_viewerZh); });
  connect(m_practice, &QPushButton::clicked, this, [this] {
    if (!m_currentId.isEmpty()) emit practiceRequested(m_currentId);
  });
}

void NotesDock::retranslateUi() {
  setWindowTitle(tr("Notes"));
  m_back->setToolTip(tr("Back"));
  m_forward->setToolTip(tr("Forward"));
  m_topicsButton->setToolTip(tr("Topics: show or hide the list of notes"));
  m_search->setPlaceholderText(tr("Search notes (中文 or English)"));
  m_search->setToolTip(tr("Finds the words in titles, summaries and text of both languages"));
  //: Show the notes in Chinese; shown in its own language.
  m_modeZh->setText(tr("中文"));
  m_modeEn->setText(tr("English"));
  //: Show the notes in Chinese and English side by side.
  m_modeBoth->setText(tr("Both"));
  m_modeBoth->setToolTip(tr("Chinese and English side by side"));
  m_presentationButton->setText(tr("Large text"));
  m_presentationButton->setToolTip(tr("Presentation mode: larger text for a projector"));
  m_tryBox->setTitle(tr("Try it"));
  m_practice->setText(tr("Practice this topic…"));
  m_practice->setToolTip(tr("Quiz questions and flash cards for this note"));
  applyFilter();
  retranslatePresetRows();
}

void NotesDock::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QDockWidget::changeEvent(event);
}

// ---------------------------------------------------------------------------------------------
// model → view

void NotesDock::showNote(const QString& id) {
  if (!m_library.contains(id)) return;
  if (id != m_currentId) {
    // A new visit drops the forward part of the history, as in a browser.
    if (m_historyIndex + 1 < m_history.size()) m_history.erase(m_history.begin() + m_historyIndex + 1, m_history.end());
    m_history << id;
    m_historyIndex = m_history.size() - 1;
  }
  displayNote(id);
}

void NotesDock::back() {
  if (m_historyIndex <= 0) return;
  displayNote(m_history[--m_historyIndex]);
}

void NotesDock::forward() {
  if (m_historyIndex + 1 >= m_history.size()) return;
  displayNote(m_history[++m_historyIndex]);
}

void NotesDock::displayNote(const QString& id) {
  const bool changed = id != m_currentId;
  m_currentId = id;
  {
    const QSignalBlocker blocker(m_tree);
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
      QTreeWidgetItem* group = m_tree->topLevelItem(g);
      for (int n = 0; n < group->childCount(); ++n)
        if (group->child(n)->data(0, kIdRole).toString() == id) {
          group->setExpanded(true);
          m_tree->setCurrentItem(group->child(n));
          m_tree->scrollToItem(group->child(n));
        }
    }
  }
  renderBodies();
  rebuildPresetRows(m_library.note(id));
  m_practice->setEnabled(true);
  updateHistoryButtons();
  if (changed) emit currentNoteChanged(id);
}

void NotesDock::renderBodies() {
  m_staleZh = m_staleEn = true;
  renderShownBodies();
}

void NotesDock::renderShownBodies() {
  const bool zh = m_staleZh && m_mode != LanguageMode::English;
  const bool en = m_staleEn && m_mode != LanguageMode::Chinese;
  if (!zh && !en) return;
  const Note* note = m_library.note(m_currentId);
  const bool blocked = m_syncingScroll;
  m_syncingScroll = true;
  if (zh) renderMarkdown(m_viewerZh, note ? note->body.in(QStringLiteral("zh")) : QString());
  if (en) renderMarkdown(m_viewerEn, note ? note->body.in(QStringLiteral("en")) : QString());
  // A whole note newly shown scrolls to the first match; a viewer shown later only gets its marks.
  const bool whole = m_staleZh && m_staleEn;
  m_staleZh = m_staleZh && !zh;
  m_staleEn = m_staleEn && !en;
  m_syncingScroll = blocked;
  if (whole)
    highlightMatches(true);
  else
    highlightMatches(true, zh ? m_viewerZh : m_viewerEn);
}

void NotesDock::rebuildPresetRows(const Note* note) {
  for (const PresetRow& row : m_presetRows) delete row.box;
  m_presetRows.clear();
  if (note) {
    for (const QString& preset : note->presets) {
      PresetRow row;
      row.preset = preset;
      row.box = new QWidget(m_tryBox);
      row.button = new QPushButton(row.box);
      row.button->setObjectName(QStringLiteral("try:%1").arg(preset));
      row.watch = new QLabel(row.box);
      row.watch->setObjectName(QStringLiteral("watch:%1").arg(preset));
      row.watch->setWordWrap(true);
      auto* grid = new QGridLayout(row.box);
      grid->setContentsMargins(0, 0, 0, 4);
      grid->setVerticalSpacing(2);
      grid->addWidget(row.button, 0, 0);
      grid->setColumnStretch(1, 1);
      grid->addWidget(row.watch, 1, 0, 1, 2);
      connect(row.button, &QPushButton::clicked, this, [this, preset] { emit tryPreset(preset); });
      m_tryLayout->addWidget(row.box);
      row.box->show();  // now, not at the next event loop pass, so fitTryArea() counts it
      m_presetRows << row;
    }
  }
  m_tryArea->setVisible(!m_presetRows.isEmpty());
  retranslatePresetRows();
  fitTryArea();
}

// The "Try it" box takes the height its rows need, up to two fifths of the dock but at least one
// row; more rows scroll. (Capping at the box's minimum size let a note with five presets push its
// own text down to a heading at 1366×768.)
void NotesDock::fitTryArea() {
  if (m_presetRows.isEmpty()) return;
  const int width = m_tryArea->width();
  const int wanted = m_tryBox->hasHeightForWidth() ? m_tryBox->heightForWidth(width) : m_tryBox->sizeHint().height();
  const QWidget* first = m_presetRows.front().box;
  const QMargins margins = m_tryBox->contentsMargins() + m_tryLayout->contentsMargins();
  const int oneRow = (first->hasHeightForWidth() ? first->heightForWidth(width - margins.left() - margins.right())
                                                 : first->sizeHint().height()) +
                     margins.top() + margins.bottom();
  const int cap = qMax(oneRow, m_content->height() * 2 / 5);
  // At most what it needs (capped), at least two lines: a short dock scrolls the rows rather than
  // taking height from the charts below it (a preset opening its note must not squeeze them).
  m_tryArea->setMaximumHeight(qMin(wanted, cap));
  m_tryArea->setMinimumHeight(qMin(qMin(wanted, cap), 2 * fontMetrics().height() + margins.top() + margins.bottom()));
}

bool NotesDock::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_content && event->type() == QEvent::Resize) updateTopics();
  if (watched == m_tryArea && event->type() == QEvent::Resize) {
    const auto* resize = static_cast<QResizeEvent*>(event);
    if (resize->size().width() != resize->oldSize().width()) fitTryArea();
  }
  return QDockWidget::eventFilter(watched, event);
}

void NotesDock::resizeEvent(QResizeEvent* event) {
  QDockWidget::resizeEvent(event);
  fitTryArea();
}

bool NotesDock::topicsFolded() const {
  // Room for a list of readable titles (~22 characters) beside a note of ~45 characters a line.
  return m_content->width() < 70 * m_content->fontMetrics().averageCharWidth();
}

void NotesDock::updateTopics() {
  const bool folded = topicsFolded();
  m_topicsButton->setVisible(folded);
  const bool show = !folded || m_topicsButton->isChecked();
  if (m_topics->isVisibleTo(m_content) != show) m_topics->setVisible(show);
}

void NotesDock::retranslatePresetRows() {
  const Note* note = m_library.note(m_currentId);
  for (const PresetRow& row : m_presetRows) {
    const QString title = dlio::PresetCatalog::builtIn().title(row.preset, m_uiLanguage);
    row.button->setText(tr("Try it: %1").arg(title));
    const LocalizedText watch = note ? note->watch.value(row.preset) : LocalizedText{};
    const QString line = watch.in(m_uiLanguage);
    row.button->setToolTip(line.isEmpty() ? tr("Load the experiment “%1”").arg(title) : line);
    row.watch->setText(line.isEmpty() ? QString() : tr("What to watch: %1").arg(line));
    row.watch->setVisible(!line.isEmpty());
  }
}

void NotesDock::fillTree() {
  const QSignalBlocker blocker(m_tree);
  m_tree->clear();
  QFont groupFont = m_tree->font();
  groupFont.setBold(true);
  for (const NoteGroup& g : m_library.groups()) {
    auto* group = new QTreeWidgetItem(m_tree, {g.title.in(m_uiLanguage)});
    group->setFlags(Qt::ItemIsEnabled);
    group->setFont(0, groupFont);
    for (const Note* n : m_library.notesInGroup(g.id)) {
      auto* item = new QTreeWidgetItem(group, {n->title.in(m_uiLanguage)});
      item->setData(0, kIdRole, n->id);
      item->setToolTip(0, n->title.in(m_uiLanguage) + QLatin1Char('\n') + n->summary.in(m_uiLanguage));
      if (n->id == m_currentId) m_tree->setCurrentItem(item);
    }
    group->setExpanded(true);
  }
  applyFilter();
}

void NotesDock::applyFilter() {
  const QString query = m_search->text();
  const QStringList matches = m_library.search(query);
  const QSet<QString> visible(matches.cbegin(), matches.cend());
  int total = 0;
  for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
    QTreeWidgetItem* group = m_tree->topLevelItem(g);
    int shown = 0;
    for (int n = 0; n < group->childCount(); ++n) {
      QTreeWidgetItem* item = group->child(n);
      const bool show = visible.contains(item->data(0, kIdRole).toString());
      item->setHidden(!show);
      shown += show ? 1 : 0;
      ++total;
    }
    group->setHidden(shown == 0);
    if (!query.trimmed().isEmpty() && shown > 0) group->setExpanded(true);
  }
  if (query.trimmed().isEmpty())
    m_searchInfo->setText(tr("%n note(s)", nullptr, total));
  else if (matches.isEmpty())
    m_searchInfo->setText(tr("No note matches “%1”.").arg(query.trimmed()));
  else
    m_searchInfo->setText(tr("%1 of %2 notes match").arg(matches.size()).arg(total));
}

QString NotesDock::searchText() const { return m_search->text(); }

QStringList NotesDock::visibleNoteIds() const {
  QStringList ids;
  for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
    const QTreeWidgetItem* group = m_tree->topLevelItem(g);
    for (int n = 0; n < group->childCount(); ++n)
      if (!group->isHidden() && !group->child(n)->isHidden()) ids << group->child(n)->data(0, kIdRole).toString();
  }
  return ids;
}

void NotesDock::highlightMatches(bool scrollToFirst, QTextBrowser* only) {
  const QStringList terms = NotesLibrary::searchTerms(m_search->text());
  for (QTextBrowser* viewer : {m_viewerZh, m_viewerEn}) {
    if (only && viewer != only) continue;
    QList<QTextEdit::ExtraSelection> selections;
    QTextCursor first;
    for (const QString& term : terms) {
      QTextCursor at(viewer->document());
      while (!(at = viewer->document()->find(term, at)).isNull()) {
        QTextEdit::ExtraSelection s;
        s.cursor = at;
        s.format.setBackground(kMatchFill);
        selections << s;
        if (first.isNull() || at.position() < first.position()) first = at;
      }
    }
    viewer->setExtraSelections(selections);
    if (scrollToFirst && !first.isNull()) {
      QTextCursor c = first;
      c.clearSelection();
      viewer->setTextCursor(c);
      viewer->ensureCursorVisible();
    }
  }
}

void NotesDock::showViewers() {
  renderShownBodies();
  m_viewerZh->setVisible(m_mode != LanguageMode::English);
  m_viewerEn->setVisible(m_mode != LanguageMode::Chinese);
  if (m_mode == LanguageMode::Both) {
    const int half = qMax(1, m_viewerSplitter->width() / 2);
    m_viewerSplitter->setSizes({half, half});
  }
  if (QAbstractButton* b = m_modeGroup->button(int(m_mode))) {
    const QSignalBlocker blocker(m_modeGroup);
    b->setChecked(true);
  }
}

void NotesDock::applyFonts() {
  const double factor = m_presentation ? kPresentationScale : 1.0;
  m_content->setFont(scaledFont(cjkCapableFont(m_baseFont), factor));
  const QFont text = scaledFont(m_baseFont, kViewerScale * factor);
  m_viewerZh->setFont(cjkCapableFont(text));
  m_viewerEn->setFont(cjkCapableFont(text));
  const int icon = qRound(style()->pixelMetric(QStyle::PM_SmallIconSize) * factor);
  m_back->setIconSize(QSize(icon, icon));
  m_forward->setIconSize(QSize(icon, icon));
  QFont groupFont = m_content->font();
  groupFont.setBold(true);
  for (int g = 0; g < m_tree->topLevelItemCount(); ++g) m_tree->topLevelItem(g)->setFont(0, groupFont);
  if (!m_currentId.isEmpty()) renderBodies();
  updateTopics();
  fitTryArea();
}

void NotesDock::setLanguageMode(LanguageMode mode) {
  m_mode = mode;
  showViewers();
}

void NotesDock::setUiLanguage(const QString& code) {
  m_uiLanguage = code == QLatin1String("zh") ? code : QStringLiteral("en");
  fillTree();
  retranslatePresetRows();
}

void NotesDock::setPresentationMode(bool on) {
  m_presentation = on;
  {
    const QSignalBlocker blocker(m_presentationButton);
    m_presentationButton->setChecked(on);
  }
  applyFonts();
}

void NotesDock::setSearchText(const QString& text) {
  {
    const QSignalBlocker blocker(m_search);
    m_search->setText(text);
  }
  applyFilter();
  highlightMatches(true);
}

void NotesDock::updateHistoryButtons() {
  m_back->setEnabled(m_historyIndex > 0);
  m_forward->setEnabled(m_historyIndex + 1 < m_history.size());
}

// ---------------------------------------------------------------------------------------------
// user path

void NotesDock::userSelectedItem(QTreeWidgetItem* item) {
  if (!item) return;
  const QString id = item->data(0, kIdRole).toString();
  if (!id.isEmpty() && id != m_currentId) showNote(id);
}

void NotesDock::userEditedSearch(const QString&) {
  if (topicsFolded()) m_topicsButton->setChecked(true);  // the matches are listed there
  applyFilter();
  highlightMatches(true);
}

void NotesDock::userChangedMode(int id) {
  m_mode = LanguageMode(id);
  showViewers();
  emit languageModeChanged(m_mode);
}

void NotesDock::userToggledPresentation(bool on) {
  m_presentation = on;
  applyFonts();
}

void NotesDock::userClickedLink(const QUrl& url) {
  if (url.scheme() == QLatin1String("note")) {
    showNote(url.path());
  } else if (url.scheme().isEmpty() && url.hasFragment()) {
    if (auto* viewer = qobject_cast<QTextBrowser*>(sender())) viewer->scrollToAnchor(url.fragment());
  } else if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) {
    QDesktopServices::openUrl(url);
  }
}

// Side by side, the two texts scroll together by proportion (their lengths differ).
void NotesDock::syncScroll(QTextBrowser* from, QTextBrowser* to) {
  if (m_syncingScroll || m_mode != LanguageMode::Both) return;
  m_syncingScroll = true;
  const QScrollBar* a = from->verticalScrollBar();
  QScrollBar* b = to->verticalScrollBar();
  const double ratio = a->maximum() > 0 ? double(a->value()) / a->maximum() : 0.0;
  b->setValue(qRound(ratio * b->maximum()));
  m_syncingScroll = false;
}

}  // namespace dlui
