// The interface language: the Chinese translation is complete for every string in the current
// sources; switching at run time retranslates the main window and the Presets menu (titles from
// the preset catalogue) and sets the content language of the notes, quiz and flash cards; and
// screenshots of the window, the notes dock, the practice dialog and the Chinese Presets menu are
// written for a person to look at.
#include "Language.h"
#include "MainWindow.h"
#include "notes/NotesDock.h"
#include "notes/PracticeDialog.h"
#include "notes/QuizBank.h"
#include "plots/ChartPanel.h"
#include "plots/GradientNormChart.h"
#include "plots/SparsityChart.h"
#include "labs/playground/TrainingSession.h"

#include "io/PresetCatalog.h"
#include "io/Presets.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QAbstractButton>
#include <QLabel>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QToolButton>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include "labs/Lab.h"

#include <QXmlStreamReader>
#include <QtTest>

namespace {
QStringList menuTitles(const QMainWindow& w) {
  QStringList titles;
  for (QAction* a : w.menuBar()->actions()) titles << a->text();
  return titles;
}

// The Presets menu in `language`: one submenu per catalogue group of a lab the window has, in
// order, titled in that language; each action a preset with its title as text and its description
// as tooltip. (A headless-only lab's groups stay out of the menu.)
void checkPresetMenu(QMenu* menu, const QString& language) {
  const dlio::PresetCatalog& catalog = dlio::PresetCatalog::builtIn();
  QList<dlio::PresetGroup> shown;
  qsizetype expected = 0, headlessOnly = 0;
  for (const dlio::PresetGroup& g : catalog.groups()) {
    if (g.lab == QLatin1String("playground") || dlui::findLab(g.lab)) {
      shown << g;
      expected += g.presets.size();
    } else {
      headlessOnly += g.presets.size();
    }
  }
  QList<QMenu*> groups;
  for (QAction* a : menu->actions())
    if (a->menu()) groups << a->menu();
  QCOMPARE(groups.size(), shown.size());
  qsizetype presets = 0;
  for (qsizetype i = 0; i < groups.size(); ++i) {
    const dlio::PresetGroup& group = shown[i];
    QCOMPARE(groups[i]->title(), group.title.in(language));
    QVERIFY(groups[i]->toolTipsVisible());
    const QList<QAction*> actions = groups[i]->actions();
    QCOMPARE(actions.size(), group.presets.size());
    for (qsizetype j = 0; j < actions.size(); ++j) {
      const dlio::PresetEntry* entry = catalog.entry(group.presets[j]);
      QVERIFY(entry);
      QCOMPARE(actions[j]->objectName(), entry->name);
      QCOMPARE(actions[j]->data().toString(), entry->name);
      QCOMPARE(actions[j]->text(), entry->title.in(language));
      QCOMPARE(actions[j]->toolTip(), entry->description.in(language));
      ++presets;
    }
  }
  QCOMPARE(presets, expected);
  QCOMPARE(presets + headlessOnly, dlio::presetNames().size());
}

bool hasChinese(const QString& text) {
  static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
  return text.contains(han);
}

// The practice dialog with a long answered question, and the notes dock, as the window shows them
// in `code`, for a person to judge: build/screenshots/content-{practice,notes}-<code>.png.
void saveContentShots(dlui::MainWindow& w, const QString& code) {
  dlui::PracticeDialog* practice = w.practiceDialog();
  practice->setCurrentTab(dlui::PracticeDialog::Tab::Quiz);
  practice->showQuestion("mc-init-uniform-n");
  if (auto* choice = practice->findChild<QAbstractButton*>("choice1")) choice->click();
  if (auto* check = practice->findChild<QAbstractButton*>("quizCheck")) check->click();
  practice->resize(860, 640);
  QTest::qWait(50);
  const QString base = QString(DLPLAY_BINARY_DIR "/screenshots/content-%1-" + code + ".png");
  QVERIFY(practice->grab().save(base.arg("practice")));
  // A free-standing dock, wide enough to read, scrolled to one of the corrected passages.
  dlui::NotesDock dock;
  dock.setUiLanguage(code);
  dock.setLanguageMode(w.notesDock()->languageMode());
  dock.showNote("batch-normalization");
  dock.resize(1100, 760);
  dock.show();
  QVERIFY(QTest::qWaitForWindowExposed(&dock));
  auto* viewer = dock.findChild<QTextBrowser*>(code == "zh" ? "viewerChinese" : "viewerEnglish");
  QVERIFY(viewer);
  viewer->find(code == "zh" ? QString::fromUtf8("测试时") : QStringLiteral("At test time"));
  QTest::qWait(50);
  QVERIFY(dock.grab().save(base.arg("notes")));
}

void chooseLanguage(dlui::MainWindow& w, const QString& code) {  // as View → Language does
  for (QAction* a : w.languageMenu()->actions())
    if (a->data().toString() == code) a->trigger();
  QCoreApplication::processEvents();
}
}  // namespace

class LanguageTest : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("dlplay-test");
    QDir().mkpath(DLPLAY_BINARY_DIR "/screenshots");
  }

  // Re-extract the strings of today's sources into a copy of the .ts: nothing may be unfinished.
  void translationIsComplete() {
    QTemporaryDir dir;
    const QString ts = dir.filePath("dlplay_zh_CN.ts");
    QVERIFY(QFile::copy(DLPLAY_SOURCE_DIR "/translations/dlplay_zh_CN.ts", ts));
    QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setWorkingDirectory(DLPLAY_SOURCE_DIR);
    // The options of ui/CMakeLists.txt: the engine's messages are marked DL_TRANSLATE_NOOP.
    lupdate.start(DLPLAY_LUPDATE, {"-no-obsolete", "-locations", "none", "-tr-function-alias",
                                   "QT_TRANSLATE_NOOP+=DL_TRANSLATE_NOOP", "engine", "io", "ui", "app", "-ts", ts});
    QVERIFY(lupdate.waitForFinished(120000));
    QCOMPARE(lupdate.exitCode(), 0);
    QFile f(ts);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.count("<message") > 450);
    QVERIFY(text.contains("<source>the learning rate must be &gt; %1 and at most %2</source>"));  // from engine/
    QCOMPARE(text.count("type=\"unfinished\""), qsizetype(0));
    QCOMPARE(text.count("<translation></translation>"), qsizetype(0));
  }

  // docs/terms-zh.md decides, term by term, what the Chinese interface translates: a Latin term of
  // its first table may appear in a Chinese string only beside its Chinese term ("随机失活（Dropout）").
  void termsFollowTheGlossary() {
    QFile doc(DLPLAY_SOURCE_DIR "/docs/terms-zh.md");
    QVERIFY(doc.open(QIODevice::ReadOnly | QIODevice::Text));
    std::vector<std::pair<QString, QString>> rules;
    bool inTable = false;
    for (const QString& line : QString::fromUtf8(doc.readAll()).split(QLatin1Char('\n'))) {
      if (line.startsWith(QLatin1String("## "))) {
        if (inTable) break;  // only the first table
        inTable = line.contains(QLatin1String("Translated"));
        continue;
      }
      const QStringList cells = line.split(QLatin1Char('|'));
      if (!inTable || cells.size() < 4 || cells[1].trimmed() == QLatin1String("English") || cells[1].contains(QLatin1String("---")))
        continue;
      rules.emplace_back(cells[1].trimmed().toLower(), cells[2].trimmed());
    }
    QVERIFY(rules.size() >= 10);
    QFile ts(DLPLAY_SOURCE_DIR "/translations/dlplay_zh_CN.ts");
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    QString context;
    int checked = 0;
    QStringList broken;
    while (!xml.atEnd()) {
      if (xml.readNext() != QXmlStreamReader::StartElement) continue;
      if (xml.name() == QLatin1String("name")) context = xml.readElementText();
      if (xml.name() != QLatin1String("translation")) continue;
      const QString zh = xml.readElementText(QXmlStreamReader::IncludeChildElements);
      ++checked;
      for (const auto& [en, chinese] : rules)
        if (zh.toLower().contains(en) && !zh.contains(chinese)) broken << context + QLatin1String(": ") + zh;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(checked > 1000);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QLatin1Char('\n'))));
  }

  void switchingRetranslatesTheWindow() {
    dlui::TrainingSession session;
    dlui::MainWindow w(&session);
    dlui::setLanguage("en", false);
    const QStringList english = menuTitles(w);
    QVERIFY(english.contains("&File"));
    QVERIFY(dlui::setLanguage("zh", false));
    QCoreApplication::processEvents();
    const QStringList chinese = menuTitles(w);
    QCOMPARE(chinese.size(), english.size());
    for (int i = 0; i < english.size(); ++i)
      QVERIFY2(chinese[i] != english[i], qPrintable(english[i] + " was not translated"));
    QVERIFY(chinese.join(' ').contains(QString::fromUtf8("文件")));
    // A passing message from before the switch does not stay in English at the window's foot.
    QVERIFY(dlui::setLanguage("en", false));
    QCoreApplication::processEvents();
    w.loadPreset(QStringLiteral("xor-tanh"));
    QVERIFY2(w.statusBar()->currentMessage().startsWith(QStringLiteral("Preset")), qPrintable(w.statusBar()->currentMessage()));
    QVERIFY(dlui::setLanguage("zh", false));
    QCoreApplication::processEvents();
    QVERIFY2(w.statusBar()->currentMessage().isEmpty(), qPrintable(w.statusBar()->currentMessage()));
    QVERIFY(dlui::setLanguage("en", false));
    QCoreApplication::processEvents();
    QCOMPARE(menuTitles(w), english);
    QVERIFY(!dlui::setLanguage("xx", false));
  }

  // The Presets menu shows the catalogue's titles and descriptions in the interface language and
  // follows a switch at run time; the status line of a loaded preset too.
  void presetMenuFollowsLanguage() {
    dlui::setLanguage("en", false);
    dlui::TrainingSession session;
    dlui::MainWindow w(&session);
    auto* menu = w.findChild<QMenu*>("presetMenu");
    QVERIFY(menu);
    checkPresetMenu(menu, "en");
    if (QTest::currentTestFailed()) return;
    auto* vanishing = menu->findChild<QAction*>("vanishing-sigmoid-deep");
    QVERIFY(vanishing);
    QCOMPARE(vanishing->text(), QStringLiteral("Vanishing gradients: 10-layer sigmoid net"));

    chooseLanguage(w, "zh");
    QCOMPARE(dlui::currentLanguage(), QStringLiteral("zh"));
    checkPresetMenu(menu, "zh");
    if (QTest::currentTestFailed()) return;
    QCOMPARE(vanishing->text(), QString::fromUtf8("梯度消失：10 层 sigmoid 网络"));
    const dlio::PresetEntry* entry = dlio::PresetCatalog::builtIn().entry("xor-tanh");
    QVERIFY(entry);
    menu->findChild<QAction*>("xor-tanh")->trigger();
    const QString status = w.statusBar()->currentMessage();
    QVERIFY2(status.contains(entry->title.zh) && status.contains(entry->description.zh), qPrintable(status));

    chooseLanguage(w, "en");
    QCOMPARE(dlui::currentLanguage(), QStringLiteral("en"));
    checkPresetMenu(menu, "en");
    if (QTest::currentTestFailed()) return;
    menu->findChild<QAction*>("xor-tanh")->trigger();
    QVERIFY(w.statusBar()->currentMessage().contains(entry->description.en));
  }

  // The Chinese Presets menu with one group open, as a picture for a person to look at.
  void presetMenuScreenshot() {
    dlui::setLanguage("zh", false);
    dlui::TrainingSession session;
    dlui::MainWindow w(&session);
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* menu = w.findChild<QMenu*>("presetMenu");
    auto* group = w.findChild<QMenu*>("presetGroup-optimisation");
    QVERIFY(menu && group);
    menu->popup(w.mapToGlobal(QPoint(200, 30)));
    QVERIFY(QTest::qWaitForWindowExposed(menu));
    menu->setActiveAction(group->menuAction());
    group->popup(menu->mapToGlobal(menu->actionGeometry(group->menuAction()).topRight()));
    QVERIFY(QTest::qWaitForWindowExposed(group));
    QCoreApplication::processEvents();
    // The two popups side by side, as they open on screen.
    const QPixmap top = menu->grab(), sub = group->grab();
    QPixmap both(top.width() + sub.width(), std::max(top.height(), sub.height()));
    both.fill(Qt::white);
    QPainter painter(&both);
    painter.drawPixmap(0, 0, top);
    painter.drawPixmap(top.width(), 0, sub);
    painter.end();
    QVERIFY(both.save(DLPLAY_BINARY_DIR "/preset-menu-zh.png"));
    group->hide();
    menu->hide();
    dlui::setLanguage("en", false);
  }

  // View → Language sets the content language too: the notes dock and the practice dialog show
  // Chinese under the Chinese interface and English under the English one. The notes' own buttons
  // still override it, and the practice follows them.
  void contentFollowsInterfaceLanguage() {
    dlui::setLanguage("en", false);
    dlui::TrainingSession session;
    dlui::MainWindow w(&session);
    dlui::NotesDock* notes = w.notesDock();
    dlui::PracticeDialog* practice = w.practiceDialog();
    const QString question = dlui::QuizBank::builtIn().questions().front().id;
    practice->setCurrentTab(dlui::PracticeDialog::Tab::Quiz);
    practice->showQuestion(question);
    notes->showNote("vanishing-exploding-gradients");
    auto* viewerZh = notes->findChild<QTextBrowser*>("viewerChinese");
    auto* viewerEn = notes->findChild<QTextBrowser*>("viewerEnglish");
    auto* quizText = practice->findChild<QLabel*>("quizQuestion");
    QVERIFY(viewerZh && viewerEn && quizText);
    w.resize(1600, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    chooseLanguage(w, "en");
    QCOMPARE(notes->languageMode(), dlui::LanguageMode::English);
    QCOMPARE(practice->languageMode(), dlui::LanguageMode::English);
    QVERIFY(!hasChinese(quizText->text()));

    chooseLanguage(w, "zh");
    QCOMPARE(notes->languageMode(), dlui::LanguageMode::Chinese);
    QVERIFY(viewerZh->isVisibleTo(notes) && !viewerEn->isVisibleTo(notes));
    QCOMPARE(practice->languageMode(), dlui::LanguageMode::Chinese);
    QVERIFY(hasChinese(quizText->text()));
    QVERIFY(!quizText->text().contains(dlui::QuizBank::builtIn().question(question)->question.en.left(20)));
    practice->show();
    QVERIFY(QTest::qWaitForWindowExposed(practice));
    QVERIFY(quizText->isVisible());
    saveContentShots(w, "zh");
    practice->showQuestion(question);

    // The notes' English button overrides the Chinese interface, for the notes and the practice.
    auto* english = notes->findChild<QToolButton*>("modeEnglish");
    QVERIFY(english);
    english->click();
    QCOMPARE(notes->languageMode(), dlui::LanguageMode::English);
    QVERIFY(viewerEn->isVisibleTo(notes) && !viewerZh->isVisibleTo(notes));
    QCOMPARE(practice->languageMode(), dlui::LanguageMode::English);
    QVERIFY(!hasChinese(quizText->text()));
    QVERIFY(w.menuBar()->actions().front()->text().contains(QString::fromUtf8("文件")));  // the interface stays Chinese
    notes->findChild<QToolButton*>("modeBoth")->click();
    QCOMPARE(practice->languageMode(), dlui::LanguageMode::Both);
    QVERIFY(viewerEn->isVisibleTo(notes) && viewerZh->isVisibleTo(notes));

    // The next interface switch sets both again.
    chooseLanguage(w, "en");
    QCOMPARE(notes->languageMode(), dlui::LanguageMode::English);
    QCOMPARE(practice->languageMode(), dlui::LanguageMode::English);
    saveContentShots(w, "en");
    practice->hide();
    dlui::setLanguage("en", false);
  }

  void screenshotsInBothLanguages() {
    for (const QString code : {"en", "zh"}) {
      dlui::setLanguage(code, false);
      dlui::TrainingSession session;
      dlui::MainWindow w(&session);
      w.switchLanguage(code);
      w.resize(1600, 900);
      w.show();
      w.loadPreset("vanishing-sigmoid-deep");
      session.play();
      QTest::qWait(1500);
      session.pause();
      QTest::qWait(300);
      const QString base = QString(DLPLAY_BINARY_DIR "/screenshots/%1-" + code + ".png");
      QVERIFY(w.grab().save(base.arg("main-window")));
      w.notesDock()->showNote("vanishing-exploding-gradients");
      QCoreApplication::processEvents();
      QVERIFY(w.notesDock()->grab().save(base.arg("notes-dock")));
      QVERIFY(QFileInfo(base.arg("main-window")).size() > 10000);
      // The two pictures the README shows: vanishing gradients per layer, and L1 against L2.
      w.chartPanel()->showChart(w.chartPanel()->gradientNormChart());
      QCoreApplication::processEvents();
      QVERIFY(w.grab().save(base.arg("vanishing-gradients")));
      w.loadPreset("l1-vs-l2");
      QCOMPARE(w.chartPanel()->currentChart(), static_cast<dlui::PlotWidget*>(w.chartPanel()->sparsityChart()));
      session.setSpeed(0);
      session.play();
      QTest::qWait(4000);
      session.pause();
      QTest::qWait(300);
      QVERIFY(w.grab().save(base.arg("l1-vs-l2")));
      // A classroom projector: 1366×768 in presentation mode, a note open beside the plots.
      w.setPresentationMode(true);
      w.resize(1366, 768);
      w.notesDock()->showNote("l1-l2-regularization");
      QTest::qWait(300);
      QVERIFY(w.grab().save(base.arg("presentation-1366")));
      w.setPresentationMode(false);
    }
    dlui::setLanguage("en", false);
  }
};

QTEST_MAIN(LanguageTest)
#include "tst_ui_language.moc"
