// The CNN lab's architecture view (offscreen): the digits LeNet shows Network's shapes and
// parameter counts, an edit updates the computed columns and says so, a stack that does not fit
// is red with the engine's message, rows are added, removed and moved, the comparisons show the
// notes' numbers, and the view follows the interface language (Chinese from translations/).
// With DLPLAY_CNN_ARCH_PNG=<dir> it saves screenshots at 1366×768 and 1024×768, normal and
// presentation mode, in English and Chinese.
#include "Language.h"
#include "labs/cnn/ArchitectureView.h"

#include "io/CnnIo.h"
#include "nn/Network.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleOptionViewItem>
#include <QAbstractItemDelegate>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

using namespace dlui;
using Col = ArchitectureView::Column;

namespace {

// The view's Chinese for a source text (the interface's translation, translations/dlplay_zh_CN.ts).
QString zhText(const char* source) {
  const QString t = QCoreApplication::translate("dlui::ArchitectureView", source);
  return t;
}

QTableWidget* table(ArchitectureView& v) { return v.findChild<QTableWidget*>(QStringLiteral("archTable")); }
QString text(ArchitectureView& v, int row, int column) { return table(v)->item(row, column)->text(); }
QString label(ArchitectureView& v, const char* name) { return v.findChild<QLabel*>(QString::fromLatin1(name))->text(); }
QPushButton* button(ArchitectureView& v, const char* name) {
  return v.findChild<QPushButton*>(QString::fromLatin1(name));
}

std::vector<dl::LayerSpec> lenet() { return dlio::readCnnPreset(QStringLiteral("cnn-digits-lenet")).layers; }

QString shapeText(const dl::Shape& s) {
  if (s.height == 1 && s.width == 1) return QString::number(s.channels);
  return QStringLiteral("%1×%2×%3").arg(s.channels).arg(s.height).arg(s.width);
}

}  // namespace

class TestUiCnnArch : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("dlplay-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_cnn_arch"));
    QVERIFY(setLanguage(QStringLiteral("en"), false));
  }

  void lenetMatchesNetwork() {
    ArchitectureView v;
    QSignalSpy changed(&v, &ArchitectureView::layersChanged);
    v.setInput({1, 8, 8, 1});
    const std::vector<dl::LayerSpec> stack = lenet();
    v.setLayers(stack);
    QCOMPARE(changed.count(), 0);  // not a user edit
    QVERIFY(v.valid());
    QCOMPARE(table(v)->rowCount(), static_cast<int>(stack.size()));
    const dl::Network net({1, 8, 8, 1}, stack);
    for (int i = 0; i < net.stackSize(); ++i) {
      QCOMPARE(text(v, i, Col::ColOutput), shapeText(net.stackLayer(i).outputShape()));
      QCOMPARE(text(v, i, Col::ColParams), ArchitectureView::count(double(net.stackParams(i).size)));
    }
    QCOMPARE(text(v, 0, Col::ColKind), QStringLiteral("Convolution"));
    QCOMPARE(text(v, 0, Col::ColPadding), QStringLiteral("same"));
    QCOMPARE(text(v, 2, Col::ColStride), QStringLiteral("2"));  // pooling moves by its kernel
    QCOMPARE(text(v, 0, Col::ColField), QStringLiteral("3×3"));
    QCOMPARE(text(v, 3, Col::ColField), QStringLiteral("8×8"));
    QCOMPARE(text(v, 7, Col::ColField), QStringLiteral("8×8 (all)"));
    QCOMPARE(text(v, 0, Col::ColFlops), QStringLiteral("9.2 k"));  // 2 · 8·8·8·9
    QCOMPARE(text(v, 1, Col::ColUnits), QString());                // a ReLU has no units
    QVERIFY(!(table(v)->item(1, Col::ColUnits)->flags() & Qt::ItemIsEditable));
    QVERIFY(table(v)->item(0, Col::ColKernel)->flags() & Qt::ItemIsEditable);
    QVERIFY(!(table(v)->item(0, Col::ColParams)->flags() & Qt::ItemIsEditable));
    QCOMPARE(static_cast<long long>(net.params().size()), 1898LL);
    QVERIFY(label(v, "archTotals").contains(QStringLiteral("1,898 parameters")));
    QVERIFY(label(v, "archTotals").contains(QStringLiteral("47.4 k FLOPs")));  // 2 · (4,608 + 18,432 + 640)
    QVERIFY(!v.findChild<QLabel*>(QStringLiteral("archError"))->isVisibleTo(&v));
    QVERIFY(v.layers().size() == stack.size());
    QCOMPARE(v.layers()[3].units, dl::Index(16));
  }

  void editingACellUpdatesShapes() {
    ArchitectureView v;
    v.setInput({1, 8, 8, 1});
    v.setLayers(lenet());
    QSignalSpy changed(&v, &ArchitectureView::layersChanged);
    // The second convolution 3×3 → 5×5 ("same" padding keeps its 4×4 output).
    table(v)->item(3, Col::ColKernel)->setData(Qt::UserRole, 5);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(v.layers()[3].kernel, dl::Index(5));
    QCOMPARE(text(v, 3, Col::ColKernel), QStringLiteral("5"));
    QCOMPARE(text(v, 3, Col::ColParams), QStringLiteral("3,216"));  // 16·8·25 + 16
    QCOMPARE(text(v, 3, Col::ColField), QStringLiteral("12×12"));   // 4 + 4·2
    // The first convolution without padding: 8×8 → 6×6, then 3×3 after pooling.
    table(v)->item(0, Col::ColPadding)->setData(Qt::UserRole, 0);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(text(v, 0, Col::ColOutput), QStringLiteral("8×6×6"));
    QCOMPARE(text(v, 2, Col::ColOutput), QStringLiteral("8×3×3"));
    const dl::Network net({1, 8, 8, 1}, v.layers());
    QVERIFY(label(v, "archTotals").contains(ArchitectureView::count(double(net.params().size()))));
    // A new kind takes that kind's usual settings.
    table(v)->item(2, Col::ColKind)->setData(Qt::UserRole, QStringLiteral("avg_pool2d"));
    QCOMPARE(changed.count(), 3);
    QCOMPARE(v.layers()[2].kind, std::string("avg_pool2d"));
    QCOMPARE(text(v, 2, Col::ColKind), QStringLiteral("Average pooling"));
    // Writing the value a cell already has is no change.
    table(v)->item(0, Col::ColUnits)->setData(Qt::UserRole, 8);
    QCOMPARE(changed.count(), 3);
    // Read-only while training: edits are dropped and the buttons are off.
    v.setEditable(false);
    table(v)->item(0, Col::ColUnits)->setData(Qt::UserRole, 12);
    QCOMPARE(changed.count(), 3);
    QCOMPARE(v.layers()[0].units, dl::Index(8));
    QCOMPARE(text(v, 0, Col::ColUnits), QStringLiteral("8"));
    QCOMPARE(table(v)->item(0, Col::ColUnits)->data(Qt::UserRole).toInt(), 8);
    QVERIFY(!button(v, "archAdd")->isEnabled());
    QVERIFY(table(v)->editTriggers() == QAbstractItemView::NoEditTriggers);
    v.setEditable(true);
    QVERIFY(button(v, "archAdd")->isEnabled());
  }

  // The real editing path: the delegate's spin box and combo box, committed as a user would.
  void editorsCommitThroughTheDelegate() {
    ArchitectureView v;
    v.setInput({1, 8, 8, 1});
    v.setLayers(lenet());
    v.resize(1200, 700);
    v.show();
    QVERIFY(QTest::qWaitForWindowExposed(&v));
    QSignalSpy changed(&v, &ArchitectureView::layersChanged);
    QTableWidget* t = table(v);
    t->setCurrentCell(3, Col::ColKernel);
    t->editItem(t->item(3, Col::ColKernel));
    auto* spin = t->viewport()->findChild<QSpinBox*>();
    QVERIFY(spin);
    QCOMPARE(spin->value(), 3);
    spin->setValue(5);
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_COMPARE(changed.count(), 1);  // the delegate commits in a queued call
    QCOMPARE(v.layers()[3].kernel, dl::Index(5));
    QCOMPARE(text(v, 3, Col::ColParams), QStringLiteral("3,216"));

    t->setCurrentCell(1, Col::ColActivation);
    t->editItem(t->item(1, Col::ColActivation));
    auto* combo = t->viewport()->findChild<QComboBox*>();
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("relu"));
    const int tanh = combo->findData(QStringLiteral("tanh"));
    QVERIFY(tanh >= 0);
    combo->setCurrentIndex(tanh);
    emit combo->activated(tanh);  // what a click on the item sends
    QTRY_COMPARE(changed.count(), 2);
    QCOMPARE(v.layers()[1].activation.activation, std::string("tanh"));
    QCOMPARE(text(v, 1, Col::ColActivation), QStringLiteral("Tanh"));
  }

  void aStackThatDoesNotFitIsRed() {
    ArchitectureView v;
    v.setInput({1, 8, 8, 1});
    std::vector<dl::LayerSpec> stack = lenet();
    stack[3].kernel = 7;  // "same" on the 4×4 map is fine; valid padding is not
    stack[3].padding = 0;
    v.setLayers(stack);
    QVERIFY(!v.valid());
    const QTableWidgetItem* bad = table(v)->item(3, Col::ColOutput);
    QCOMPARE(bad->background().color(), QColor(0xfd, 0xe0, 0xe0));
    QVERIFY(bad->toolTip().contains(QStringLiteral("layers[3].output")));
    QVERIFY(table(v)->item(3, Col::ColKind)->toolTip().contains(QStringLiteral("layers[3]")));
    QCOMPARE(table(v)->item(2, Col::ColOutput)->background().style(), Qt::NoBrush);
    QCOMPARE(text(v, 4, Col::ColOutput), QStringLiteral("—"));  // after the error
    auto* error = v.findChild<QLabel*>(QStringLiteral("archError"));
    QVERIFY(error->isVisibleTo(&v));
    QVERIFY(error->text().contains(QStringLiteral("layers[3].output")));
    QVERIFY(error->text().startsWith(QStringLiteral("Layer 3 does not fit")));
    QVERIFY(label(v, "archTotals").contains(QStringLiteral("Up to layer 2")));
    // The fix clears it.
    table(v)->item(3, Col::ColPadding)->setData(Qt::UserRole, static_cast<int>(dl::LayerSpec::kSamePadding));
    QVERIFY(v.valid());
    QVERIFY(!error->isVisibleTo(&v));
    QCOMPARE(table(v)->item(3, Col::ColOutput)->background().style(), Qt::NoBrush);
    // A first layer without weights is refused as Network refuses it.
    v.setLayers({stack[2], stack[7]});
    QVERIFY(!v.valid());
    QVERIFY(error->text().contains(QStringLiteral("layers[0].kind")));
  }

  void addRemoveMove() {
    ArchitectureView v;
    v.setInput({1, 8, 8, 1});
    v.setLayers(lenet());
    QSignalSpy changed(&v, &ArchitectureView::layersChanged);
    QTableWidget* t = table(v);
    // After the first ReLU: a convolution, since the data is still an image there.
    t->setCurrentCell(1, Col::ColKind);
    QVERIFY(button(v, "archRemove")->isEnabled());
    button(v, "archAdd")->click();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(v.layers().size(), std::size_t(9));
    QCOMPARE(v.layers()[2].kind, std::string("conv2d"));
    QCOMPARE(t->rowCount(), 9);
    QCOMPARE(t->currentRow(), 2);
    QVERIFY(v.valid());
    QCOMPARE(text(v, 2, Col::ColOutput), QStringLiteral("8×8×8"));
    // After the flatten: a dense layer.
    t->setCurrentCell(7, Col::ColKind);
    button(v, "archAdd")->click();
    QCOMPARE(v.layers()[8].kind, std::string("dense"));
    QVERIFY(v.valid());
    // Remove both again.
    button(v, "archRemove")->click();
    t->setCurrentCell(2, Col::ColKind);
    button(v, "archRemove")->click();
    QCOMPARE(changed.count(), 4);
    QCOMPARE(v.layers().size(), std::size_t(8));
    QCOMPARE(v.layers()[2].kind, std::string("max_pool2d"));
    // Moving the flatten above the last pooling breaks the stack at the pooling.
    t->setCurrentCell(6, Col::ColKind);
    button(v, "archUp")->click();
    QCOMPARE(changed.count(), 5);
    QCOMPARE(v.layers()[5].kind, std::string("flatten"));
    QCOMPARE(v.layers()[6].kind, std::string("max_pool2d"));
    QCOMPARE(t->currentRow(), 5);
    QVERIFY(!v.valid());
    QVERIFY(label(v, "archError").contains(QStringLiteral("layers[6]")));
    button(v, "archDown")->click();
    QCOMPARE(changed.count(), 6);
    QVERIFY(v.valid());
    QCOMPARE(t->currentRow(), 6);
    QVERIFY(v.layers()[6].kind == "flatten");
    // The last row cannot move down, the first cannot move up.
    t->setCurrentCell(7, Col::ColKind);
    QVERIFY(!button(v, "archDown")->isEnabled());
    t->setCurrentCell(0, Col::ColKind);
    QVERIFY(!button(v, "archUp")->isEnabled());
  }

  void comparisonsShowTheClaims() {
    ArchitectureView v;
    auto* t = v.findChild<QTableWidget*>(QStringLiteral("archCompareTable"));
    const auto cell = [&](int r, int c) { return t->item(r, c)->text(); };
    const auto lesson = [&] { return label(v, "archLesson"); };
    v.setComparisonChannels(64);

    v.setComparison(ArchitectureView::Comparison::ThreeVsSeven);
    QCOMPARE(t->rowCount(), 2);
    QCOMPARE(cell(0, 1), QStringLiteral("7×7"));
    QCOMPARE(cell(1, 1), QStringLiteral("7×7"));
    QCOMPARE(cell(0, 2), QStringLiteral("110,592"));
    QCOMPARE(cell(1, 2), QStringLiteral("200,704"));
    QCOMPARE(cell(0, 3), QStringLiteral("27C²"));
    QCOMPARE(cell(1, 3), QStringLiteral("49C²"));
    QCOMPARE(cell(0, 4), QStringLiteral("56.6 M"));   // 2 · 110,592 · 16·16
    QCOMPARE(cell(1, 4), QStringLiteral("102.8 M"));  // 2 · 200,704 · 16·16
    QVERIFY(lesson().contains(QStringLiteral(
        "Three 3×3 layers see 7×7 like one 7×7 layer, with 27C² = 110,592 weights instead of 49C² = 200,704 (C = "
        "64), and two more non-linearities.")));

    v.setComparison(ArchitectureView::Comparison::TwoVsFive);
    QCOMPARE(cell(0, 1), QStringLiteral("5×5"));
    QCOMPARE(cell(1, 1), QStringLiteral("5×5"));
    QCOMPARE(cell(0, 2), QStringLiteral("73,728"));   // 18C²
    QCOMPARE(cell(1, 2), QStringLiteral("102,400"));  // 25C²
    QVERIFY(lesson().contains(QStringLiteral("18C² = 73,728 weights instead of 25C² = 102,400 (C = 64)")));

    v.setComparison(ArchitectureView::Comparison::Bottleneck);
    QCOMPARE(cell(0, 1), QStringLiteral("3×3"));
    QCOMPARE(cell(1, 1), QStringLiteral("3×3"));
    QCOMPARE(cell(0, 2), QStringLiteral("53,248"));
    QCOMPARE(cell(1, 2), QStringLiteral("147,456"));
    QVERIFY(lesson().contains(QStringLiteral("16,384 + 36,864 = 53,248 weights instead of 147,456")));
    QVERIFY(lesson().contains(QStringLiteral("256 channels to 64")));

    v.setComparison(ArchitectureView::Comparison::WeightSharing);
    QCOMPARE(t->rowCount(), 3);
    QVERIFY(t->isColumnHidden(3));
    QVERIFY(!v.findChild<QSpinBox*>(QStringLiteral("archCompareC"))->isEnabled());
    QCOMPARE(cell(0, 2), QStringLiteral("432"));
    QCOMPARE(cell(1, 2), QStringLiteral("442,368"));
    QCOMPARE(cell(2, 2), QStringLiteral("50,331,648"));
    QCOMPARE(cell(0, 1), QStringLiteral("3×3"));
    QCOMPARE(cell(1, 1), QStringLiteral("3×3"));
    QCOMPARE(cell(2, 1), QStringLiteral("32×32 (all)"));
    QVERIFY(lesson().contains(QStringLiteral("432 weights")));
    QVERIFY(lesson().contains(QStringLiteral("442,368")));
    QVERIFY(lesson().contains(QStringLiteral("50,331,648 weights")));

    // C is a spin box: the claim holds for any C.
    v.setComparison(ArchitectureView::Comparison::ThreeVsSeven);
    v.setComparisonChannels(32);
    QCOMPARE(cell(0, 2), ArchitectureView::count(27.0 * 32 * 32));
    QCOMPARE(cell(1, 2), ArchitectureView::count(49.0 * 32 * 32));
    QVERIFY(lesson().contains(QStringLiteral("(C = 32)")));
  }

  void presentationHidesUnusedColumns() {
    ArchitectureView v;
    v.setLayers(lenet());
    QVERIFY(!table(v)->isColumnHidden(Col::ColDilation));
    v.setPresentationMode(true);
    QVERIFY(table(v)->isColumnHidden(Col::ColDilation));
    QVERIFY(table(v)->isColumnHidden(Col::ColGroups));
    QVERIFY(table(v)->isColumnHidden(Col::ColRate));
    QVERIFY(!table(v)->isColumnHidden(Col::ColKernel));
    std::vector<dl::LayerSpec> dilated = lenet();
    dilated[0].dilation = 2;
    v.setLayers(dilated);
    QVERIFY(!table(v)->isColumnHidden(Col::ColDilation));
    v.setPresentationMode(false);
    QVERIFY(!table(v)->isColumnHidden(Col::ColRate));
  }

  // The Chinese interface shows the view in Chinese (tst_ui_language checks every string has its
  // translation); every header and control has a tooltip.
  void chineseAndTooltips() {
    // A view made in English follows the switch (QEvent::LanguageChange).
    ArchitectureView v;
    std::vector<dl::LayerSpec> stack = lenet();
    dl::LayerSpec dropout;
    dropout.kind = "dropout";
    dropout.rate = 0.5;
    stack.insert(stack.begin() + 7, dropout);
    v.setLayers(stack);
    QCOMPARE(text(v, 0, Col::ColKind), QStringLiteral("Convolution"));
    QVERIFY(setLanguage(QStringLiteral("zh"), false));
    const auto restore = qScopeGuard([&] { setLanguage(QStringLiteral("en"), false); });
    QVERIFY(zhText("Convolution") != QStringLiteral("Convolution"));
    QTRY_COMPARE(text(v, 0, Col::ColKind), zhText("Convolution"));
    QCOMPARE(table(v)->horizontalHeaderItem(Col::ColParams)->text(), zhText("Parameters"));
    QVERIFY(label(v, "archLesson").contains(QStringLiteral("110,592")));
    QVERIFY(!label(v, "archLesson").contains(QStringLiteral("Three")));
    // The editors' texts: every kind, "same".
    for (const int c : {int(Col::ColKind), int(Col::ColPadding), int(Col::ColActivation)}) {
      QStyleOptionViewItem option;
      const QModelIndex index = table(v)->model()->index(1, c);
      delete table(v)->itemDelegate()->createEditor(table(v)->viewport(), option, index);
    }
    for (int c = 0; c < 4; ++c) v.setComparison(static_cast<ArchitectureView::Comparison>(c));
    for (int c = 0; c < Col::ColumnCount; ++c) {
      const QTableWidgetItem* h = table(v)->horizontalHeaderItem(c);
      QVERIFY2(!h->toolTip().isEmpty(), qPrintable(h->text()));
    }
    auto* compare = v.findChild<QTableWidget*>(QStringLiteral("archCompareTable"));
    for (int c = 0; c < compare->columnCount(); ++c) QVERIFY(!compare->horizontalHeaderItem(c)->toolTip().isEmpty());
    for (QPushButton* b : v.findChildren<QPushButton*>()) QVERIFY2(!b->toolTip().isEmpty(), qPrintable(b->text()));
    QVERIFY(!v.findChild<QComboBox*>(QStringLiteral("archCompare"))->toolTip().isEmpty());
    QVERIFY(!v.findChild<QSpinBox*>(QStringLiteral("archCompareC"))->toolTip().isEmpty());
    stack[3].kernel = 7;
    stack[3].padding = 0;
    v.setLayers(stack);
    QVERIFY(label(v, "archError").contains(QStringLiteral("layers[3].output")));
    v.setLayers({});
  }

  // DLPLAY_CNN_ARCH_PNG=<dir>: the view at classroom sizes, to look at.
  void screenshots_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presentation");
    for (const char* language : {"en", "zh"})
      for (const QSize size : {QSize(1366, 768), QSize(1024, 768)})
        for (const bool presentation : {false, true})
          QTest::addRow("%s-%dx%d-%s", language, size.width(), size.height(), presentation ? "presentation" : "normal")
              << QString::fromLatin1(language) << size << presentation;
  }
  void screenshots() {
    const QString dir = qEnvironmentVariable("DLPLAY_CNN_ARCH_PNG");
    if (dir.isEmpty()) QSKIP("DLPLAY_CNN_ARCH_PNG is not set");
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(setLanguage(language, false));
    const QFont platformFont = QApplication::font();
    if (presentation) {  // as MainWindow does on a projector: 13 pt at 768 lines
      QFont f = platformFont;
      f.setPointSizeF(13.0 * size.height() / 768.0);
      QApplication::setFont(f);
    }
    const auto restore = qScopeGuard([&] {
      QApplication::setFont(platformFont);
      setLanguage(QStringLiteral("en"), false);
    });
    ArchitectureView v;
    v.setPresentationMode(presentation);
    v.setInput({1, 8, 8, 1});
    std::vector<dl::LayerSpec> stack = lenet();
    stack[3].kernel = 5;
    stack[3].padding = 0;  // a 5×5 kernel on the 4×4 map: the red row
    v.setLayers(stack);
    v.setComparison(ArchitectureView::Comparison::ThreeVsSeven);
    v.resize(size);
    v.show();
    QVERIFY(QTest::qWaitForWindowExposed(&v));
    // The layouts settle in posted events, as they would between the user's clicks.
    const auto settle = [] {
      for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();
    };
    const QString base = QStringLiteral("%1/arch-%2-%3x%4-%5")
                             .arg(dir, language)
                             .arg(size.width())
                             .arg(size.height())
                             .arg(presentation ? QStringLiteral("presentation") : QStringLiteral("normal"));
    settle();
    QVERIFY(v.grab().save(base + QStringLiteral("-error.png")));
    v.setLayers(lenet());
    v.setComparison(ArchitectureView::Comparison::Bottleneck);
    settle();
    QVERIFY(v.grab().save(base + QStringLiteral("-bottleneck.png")));
    v.setComparison(ArchitectureView::Comparison::WeightSharing);
    settle();
    QVERIFY(v.grab().save(base + QStringLiteral("-sharing.png")));
  }
};

QTEST_MAIN(TestUiCnnArch)
#include "tst_ui_cnn_arch.moc"
