// The interface language: the Chinese translation is complete for every string in the current
// sources, switching at run time retranslates the main window, and screenshots of the window and
// the notes dock are written in both languages for a person to look at.
#include "Language.h"
#include "MainWindow.h"
#include "notes/NotesDock.h"
#include "plots/ChartPanel.h"
#include "plots/GradientNormChart.h"
#include "plots/SparsityChart.h"
#include "session/TrainingSession.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QMenuBar>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {
QStringList menuTitles(const QMainWindow& w) {
  QStringList titles;
  for (QAction* a : w.menuBar()->actions()) titles << a->text();
  return titles;
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
    lupdate.start(DLPLAY_LUPDATE, {"-no-obsolete", "-locations", "none", "ui", "app", "-ts", ts});
    QVERIFY(lupdate.waitForFinished(120000));
    QCOMPARE(lupdate.exitCode(), 0);
    QFile f(ts);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.count("<message") > 300);
    QCOMPARE(text.count("type=\"unfinished\""), qsizetype(0));
    QCOMPARE(text.count("<translation></translation>"), qsizetype(0));
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
    QVERIFY(dlui::setLanguage("en", false));
    QCoreApplication::processEvents();
    QCOMPARE(menuTitles(w), english);
    QVERIFY(!dlui::setLanguage("xx", false));
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
    }
    dlui::setLanguage("en", false);
  }
};

QTEST_MAIN(LanguageTest)
#include "tst_ui_language.moc"
