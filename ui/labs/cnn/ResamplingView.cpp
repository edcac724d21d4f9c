// The Resampling tab; see ResamplingView.h.
#include "labs/cnn/ResamplingView.h"

#include "labs/cnn/CellGrid.h"

#include "core/Error.h"
#include "io/ImageFolder.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <memory>

namespace dlui {

namespace rs = dl::resampling;

namespace {

const char* const kDownIds[] = {"stripes", "checkerboard", "zoneplate", "digit"};
const char* const kUpIds[] = {"constant", "stripes", "digit"};

const dl::Dataset* digits() {
  static const std::unique_ptr<dl::Dataset> d = []() -> std::unique_ptr<dl::Dataset> {
    try {
      return std::make_unique<dl::Dataset>(dlio::loadBundledDigits());
    } catch (...) {
      return nullptr;
    }
  }();
  return d.get();
}

QString two(double v) {
  if (std::isinf(v)) return QStringLiteral("∞");
  if (std::abs(v) < 0.005) v = 0;  // no "−0.00"
  return QString::number(v, 'f', 2).replace(QLatin1Char('-'), QChar(0x2212));
}

QString pixels(double v) {
  if (std::abs(v - std::round(v)) < 0.05) return QString::number(static_cast<long long>(std::llround(v)));
  return QString::number(v, 'f', 1);
}

bool isPattern(const QString& id) { return id == QLatin1String("stripes") || id == QLatin1String("checkerboard"); }

// Grey for v in [0, top]; top ≤ 0 paints black.
QColor grey(double v, double top) {
  const double t = top > 0 ? std::clamp(v / top, 0.0, 1.0) : 0.0;
  const int g = static_cast<int>(std::lround(t * 255));
  return QColor(g, g, g);
}

// A picture with a dark frame: a white output on the light page still reads as a picture.
class FramedGrid : public CellGrid {
public:
  using CellGrid::CellGrid;

protected:
  void paintEvent(QPaintEvent* e) override {
    CellGrid::paintEvent(e);
    if (rows() <= 0 || cols() <= 0) return;
    QPainter p(this);
    p.setPen(QPen(QColor(0x40, 0x40, 0x40), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(cellRect(0, 0).united(cellRect(rows() - 1, cols() - 1)).adjusted(-1, -1, 0, 0));
  }
};

void paint(CellGrid* grid, const rs::Image& img, double top) {
  grid->setGridSize(img.height, img.width);
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      CellGrid::Cell& c = grid->cell(y, x);
      c = CellGrid::Cell{};
      c.fill = grey(img.at(y, x), top);
    }
  grid->refresh();
}

}  // namespace

ResamplingView::ResamplingView(QWidget* parent) : QWidget(parent) {
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(4, 4, 4, 4);
  m_pages = new QTabWidget(this);
  m_pages->setObjectName(QStringLiteral("resamplingPages"));
  m_pages->addTab(buildPage(0), QString());
  m_pages->addTab(buildPage(1), QString());
  v->addWidget(m_pages, 1);
  m_errorLabel = new QLabel(this);
  m_errorLabel->setObjectName(QStringLiteral("resamplingError"));
  m_errorLabel->setWordWrap(true);
  m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
  m_errorLabel->hide();
  v->addWidget(m_errorLabel);
  recomputeDown();
  recomputeUp();
  retranslateUi();
  applyFonts();
}

ResamplingView::~ResamplingView() = default;

QWidget* ResamplingView::buildPage(int page) {
  auto* w = new QWidget(m_pages);
  w->setObjectName(page == 0 ? QStringLiteral("resamplingDown") : QStringLiteral("resamplingUp"));
  auto* v = new QVBoxLayout(w);
  auto* controls = new QHBoxLayout;
  const auto addControl = [&](QLabel*& label, QWidget* control) {
    label = new QLabel(w);
    label->setBuddy(control);
    controls->addWidget(label);
    controls->addWidget(control);
    controls->addSpacing(12);
  };
  if (page == 0) {
    m_downChoice = new QComboBox(w);
    m_downChoice->setObjectName(QStringLiteral("resamplingDownImage"));
    for (const char* id : kDownIds) m_downChoice->addItem(QString(), QString::fromLatin1(id));
    m_downChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addControl(m_downImageLabel, m_downChoice);
    m_periodBox = new QDoubleSpinBox(w);
    m_periodBox->setObjectName(QStringLiteral("resamplingPeriod"));
    m_periodBox->setRange(rs::kMinPeriod, rs::kMaxPeriod);
    m_periodBox->setSingleStep(0.5);
    m_periodBox->setDecimals(1);
    m_periodBox->setValue(m_period);
    addControl(m_periodLabel, m_periodBox);
    m_digit = new QSpinBox(w);
    m_digit->setObjectName(QStringLiteral("resamplingDigit"));
    m_digit->setRange(0, digits() ? static_cast<int>(digits()->size()) - 1 : 0);
    addControl(m_digitLabel, m_digit);
    connect(m_downChoice, &QComboBox::activated, this,
            [this] { selectDownImage(m_downChoice->currentData().toString()); });
    connect(m_periodBox, &QDoubleSpinBox::valueChanged, this, [this](double p) { setPeriod(p); });
    connect(m_digit, &QSpinBox::valueChanged, this, [this] {
      if (m_downImage == QLatin1String("digit")) recomputeDown();
      if (m_upImage == QLatin1String("digit")) recomputeUp();
    });
  } else {
    m_upChoice = new QComboBox(w);
    m_upChoice->setObjectName(QStringLiteral("resamplingUpImage"));
    for (const char* id : kUpIds) m_upChoice->addItem(QString(), QString::fromLatin1(id));
    m_upChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addControl(m_upImageLabel, m_upChoice);
    m_weightsChoice = new QComboBox(w);
    m_weightsChoice->setObjectName(QStringLiteral("resamplingWeights"));
    m_weightsChoice->addItem(QString(), 0);
    m_weightsChoice->addItem(QString(), 1);
    m_weightsChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addControl(m_weightsLabel, m_weightsChoice);
    m_kernelChoice = new QComboBox(w);
    m_kernelChoice->setObjectName(QStringLiteral("resamplingEvenKernel"));
    m_kernelChoice->addItem(QString(), 4);
    m_kernelChoice->addItem(QString(), 2);
    m_kernelChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addControl(m_kernelLabel, m_kernelChoice);
    connect(m_upChoice, &QComboBox::activated, this, [this] { selectUpImage(m_upChoice->currentData().toString()); });
    connect(m_weightsChoice, &QComboBox::activated, this, [this] {
      setWeights(m_weightsChoice->currentData().toInt() == 1 ? rs::Weights::Tent : rs::Weights::Equal);
    });
    connect(m_kernelChoice, &QComboBox::activated, this,
            [this] { setEvenKernel(m_kernelChoice->currentData().toInt()); });
  }
  controls->addStretch(1);
  v->addLayout(controls);

  auto* grid = new QGridLayout;
  grid->setHorizontalSpacing(10);
  for (int i = 0; i < kPanels; ++i) {
    Panel& p = m_panels[page][static_cast<std::size_t>(i)];
    p.title = new QLabel(w);
    p.title->setWordWrap(false);  // short lines, broken by hand: no height-for-width in the grid
    p.title->setAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    p.grid = new FramedGrid(w);
    p.grid->setObjectName(QStringLiteral("resampling%1Picture%2").arg(page == 0 ? "Down" : "Up").arg(i));
    p.grid->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    p.numbers = new QLabel(w);
    p.numbers->setObjectName(QStringLiteral("resampling%1Numbers%2").arg(page == 0 ? "Down" : "Up").arg(i));
    p.numbers->setWordWrap(false);
    p.numbers->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    p.title->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    p.numbers->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    grid->addWidget(p.title, 0, i);
    grid->addWidget(p.grid, 1, i);
    grid->addWidget(p.numbers, 2, i);
    grid->setColumnStretch(i, 1);
    // Square pictures: as tall as their column is wide, the numbers right under them.
    p.grid->installEventFilter(this);
  }
  grid->setRowStretch(1, 1);
  v->addLayout(grid, 100);
  m_lesson[page] = new QLabel(w);
  m_lesson[page]->setObjectName(page == 0 ? QStringLiteral("resamplingDownLesson")
                                          : QStringLiteral("resamplingUpLesson"));
  m_lesson[page]->setWordWrap(true);
  m_lesson[page]->setStyleSheet(
      QStringLiteral("QLabel { background: #fff8e1; border: 1px solid #e0c060; padding: 6px; }"));
  m_lesson[page]->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
  v->addWidget(m_lesson[page]);
  v->addStretch(1);  // what the square pictures leave
  return w;
}

// ---------------------------------------------------------------- settings

bool ResamplingView::showFocus(const QString& focus, QString* error) {
  rs::Focus f;
  try {
    f = rs::parseFocus(focus.toStdString());
  } catch (const dl::ConfigError& e) {
    if (error)
      *error = QStringLiteral("preset focus '%1': %2").arg(focus, QString::fromStdString(e.reason().english()));
    return false;
  }
  const QString image = QString::fromStdString(f.image);
  if (f.up) {
    setEvenKernel(4);
    setWeights(f.weights);
    selectUpImage(image);
    m_pages->setCurrentIndex(1);
  } else {
    setPeriod(f.period);
    selectDownImage(image);
    m_pages->setCurrentIndex(0);
  }
  return true;
}

bool ResamplingView::selectDownImage(const QString& id) {
  if (std::none_of(std::begin(kDownIds), std::end(kDownIds), [&](const char* s) { return id == QLatin1String(s); }))
    return false;
  m_downImage = id;
  const QSignalBlocker b(m_downChoice);
  m_downChoice->setCurrentIndex(m_downChoice->findData(id));
  recomputeDown();
  retranslateUi();
  return true;
}

bool ResamplingView::setPeriod(double period, QString* error) {
  if (!std::isfinite(period) || period < rs::kMinPeriod || period > rs::kMaxPeriod) {
    showError(tr("A period of %1 px cannot be drawn here: it must be between 2 and 16 px (2 px is the finest a pixel "
                 "grid holds: one bright, one dark). The pictures still show period %2 px.")
                  .arg(std::isfinite(period) ? QString::number(period) : QStringLiteral("—"), pixels(m_period)));
    if (error) *error = m_error;
    return false;
  }
  showError(QString());
  m_period = period;
  {
    const QSignalBlocker b(m_periodBox);
    m_periodBox->setValue(period);
  }
  recomputeDown();
  return true;
}

bool ResamplingView::selectUpImage(const QString& id) {
  if (std::none_of(std::begin(kUpIds), std::end(kUpIds), [&](const char* s) { return id == QLatin1String(s); }))
    return false;
  m_upImage = id;
  const QSignalBlocker b(m_upChoice);
  m_upChoice->setCurrentIndex(m_upChoice->findData(id));
  recomputeUp();
  retranslateUi();
  return true;
}

void ResamplingView::setWeights(rs::Weights w) {
  m_weights = w;
  const QSignalBlocker b(m_weightsChoice);
  m_weightsChoice->setCurrentIndex(w == rs::Weights::Tent ? 1 : 0);
  recomputeUp();
}

bool ResamplingView::setEvenKernel(int k) {
  if (k != 4 && k != 2) return false;
  m_evenKernel = k;
  const QSignalBlocker b(m_kernelChoice);
  m_kernelChoice->setCurrentIndex(k == 4 ? 0 : 1);
  recomputeUp();
  retranslateUi();
  return true;
}

rs::Up ResamplingView::upWay(int i) const {
  switch (i) {
    case 0:
      return rs::Up::Nearest;
    case 1:
      return rs::Up::Bilinear;
    case 2:
      return rs::Up::Transposed3;
    default:
      return m_evenKernel == 4 ? rs::Up::Transposed4 : rs::Up::Transposed2;
  }
}

void ResamplingView::showError(const QString& message) {
  m_error = message;
  m_errorLabel->setText(message);
  m_errorLabel->setVisible(!message.isEmpty());
}

// ---------------------------------------------------------------- computing

rs::Image ResamplingView::digitImage(int repeat) const {
  rs::Image img;
  img.height = img.width = 8 * repeat;
  img.values.assign(static_cast<std::size_t>(img.height * img.width), 0.0);
  if (const dl::Dataset* d = digits()) {
    const dl::Index n = std::min<dl::Index>(m_digit->value(), d->size() - 1);
    for (int y = 0; y < img.height; ++y)
      for (int x = 0; x < img.width; ++x)
        img.values[static_cast<std::size_t>(y * img.width + x)] = d->X((y / repeat) * 8 + x / repeat, n);
  }
  return img;
}

void ResamplingView::recomputeDown() {
  if (m_downImage == QLatin1String("checkerboard"))
    m_downIn = rs::checkerboard(rs::kDownSide, m_period);
  else if (m_downImage == QLatin1String("zoneplate"))
    m_downIn = rs::zonePlate(rs::kDownSide);
  else if (m_downImage == QLatin1String("digit"))
    m_downIn = digitImage(rs::kDownSide / 8);
  else
    m_downIn = rs::stripes(rs::kDownSide, m_period);
  for (std::size_t i = 0; i < m_downOut.size(); ++i) m_downOut[i] = rs::downsample(m_downIn, rs::kDowns[i]);
  paintDown();
}

void ResamplingView::recomputeUp() {
  if (m_upImage == QLatin1String("stripes"))
    m_upIn = rs::stripes(rs::kUpSide, 2);
  else if (m_upImage == QLatin1String("digit"))
    m_upIn = digitImage(1);
  else
    m_upIn = rs::constant(rs::kUpSide, 1.0);
  for (int i = 0; i < 4; ++i) m_upOut[static_cast<std::size_t>(i)] = rs::upsample(m_upIn, upWay(i), m_weights);
  paintUp();
}

// ---------------------------------------------------------------- what is shown

QString ResamplingView::numbersText(int page, int panel) const {
  if (panel < 0 || panel >= kPanels) return {};
  if (page == 0) {
    const rs::Image& img = panel == 0 ? m_downIn : m_downOut[static_cast<std::size_t>(panel - 1)];
    const rs::Stats s = rs::measure(img);
    QString text = tr("mean %1\ncontrast %2").arg(two(s.mean), two(s.contrast()));
    if (m_downImage == QLatin1String("stripes")) {
      // In the input's pixels: an output pixel spans two.
      const double p = rs::stripePeriod(img) * (panel == 0 ? 1 : 2);
      text += QLatin1Char('\n') + (p > 0 ? tr("stripes every %1 px").arg(pixels(p)) : tr("no stripes: flat"));
    }
    return text;
  }
  const rs::Image& img = panel == 0 ? m_upIn : m_upOut[static_cast<std::size_t>(panel - 1)];
  const rs::Stats s = rs::measure(img, panel == 0 ? 0 : 1);
  return tr("inside: %1 to %2\nmax/min %3").arg(two(s.min), two(s.max), two(s.ratio()));
}

QString ResamplingView::titleText(int page, int panel) const {
  const auto size = [](const rs::Image& img) { return QStringLiteral("%1×%2").arg(img.width).arg(img.height); };
  if (page == 0) {
    switch (panel) {
      case 0:
        return tr("Input\n%1").arg(size(m_downIn));
      case 1:
        return tr("Stride-2 subsampling\n%1").arg(size(m_downOut[0]));
      case 2:
        return tr("2×2 average pooling\n%1").arg(size(m_downOut[1]));
      case 3:
        return tr("2×2 max pooling\n%1").arg(size(m_downOut[2]));
      case 4:
        return tr("Blur, then subsample\n%1").arg(size(m_downOut[3]));
      default:
        return {};
    }
  }
  switch (panel) {
    case 0:
      return tr("Input\n%1").arg(size(m_upIn));
    case 1:
      return tr("Nearest\n%1").arg(size(m_upOut[0]));
    case 2:
      return tr("Bilinear\n%1").arg(size(m_upOut[1]));
    case 3:
      return tr("Transposed conv\nk = 3, stride 2\n%1").arg(size(m_upOut[2]));
    case 4:
      return tr("Transposed conv\nk = %1, stride 2\n%2").arg(m_evenKernel).arg(size(m_upOut[3]));
    default:
      return {};
  }
}

QString ResamplingView::lessonText(int page) const {
  if (page == 0) {
    const rs::Stats sub = rs::measure(m_downOut[0]), avg = rs::measure(m_downOut[1]), blur = rs::measure(m_downOut[3]);
    const bool stripes = m_downImage == QLatin1String("stripes");
    if (isPattern(m_downImage)) {
      if (m_period >= 4)
        return tr("A pattern of period %1 px is coarse enough to halve (4 px or more): subsampling keeps it; averaging "
                  "and blurring only soften it (contrast %2 and %3).")
            .arg(pixels(m_period), two(avg.contrast()), two(blur.contrast()));
      if (sub.contrast() < 0.005)
        return tr("Aliasing: a pattern of period %1 px is finer than halving can keep (4 px or more). Subsampling "
                  "keeps "
                  "every second row and column only, all alike: a FLAT image (all %2) — the pattern vanished. 2×2 "
                  "averaging gives its true mean, %3.")
            .arg(pixels(m_period), two(sub.mean), two(avg.mean));
      if (stripes)
        return tr("Aliasing: stripes of period %1 px are finer than halving can keep (4 px or more). Subsampling turns "
                  "them into FALSE stripes every %2 px (contrast %3) that are not in the image; 2×2 averaging leaves "
                  "contrast %4, blurring first %5.")
            .arg(pixels(m_period), pixels(2 * rs::stripePeriod(m_downOut[0])), two(sub.contrast()), two(avg.contrast()),
                 two(blur.contrast()));
      return tr("Aliasing: a checkerboard of period %1 px is finer than halving can keep (4 px or more). Subsampling "
                "turns it into a FALSE coarser pattern (contrast %2) that is not in the image; 2×2 averaging leaves "
                "contrast %3, blurring first %4.")
          .arg(pixels(m_period), two(sub.contrast()), two(avg.contrast()), two(blur.contrast()));
    }
    if (m_downImage == QLatin1String("zoneplate"))
      return tr(
          "The rings get finer towards the corners. Where they are finer than 4 px, subsampling draws false "
          "rings (moiré) that are not in the image; averaging or blurring first turns them grey instead.");
    return tr(
        "A digit has no pattern finer than 4 px: every way keeps its shape. Max pooling thickens the strokes, "
        "averaging and blurring soften them.");
  }
  // The lesson's numbers are measured on a constant image, whatever is shown.
  const rs::Image one = rs::constant(rs::kUpSide, 1.0);
  const double r3 = rs::measure(rs::upsample(one, rs::Up::Transposed3, m_weights), 1).ratio();
  const double rE = rs::measure(rs::upsample(one, upWay(3), m_weights), 1).ratio();
  if (m_weights == rs::Weights::Tent)
    return tr("With the bilinear (tent) weights the uneven overlap is compensated: on a constant image kernel 3 gives "
              "max/min %1 inside, kernel %2 gives %3. A learned kernel has to find such weights by itself, which is "
              "why kernel 3 with stride 2 tends to leave a checkerboard.")
        .arg(two(r3))
        .arg(m_evenKernel)
        .arg(two(rE));
  return tr("Checkerboard: with stride 2, the 3×3 stamps of neighbouring inputs overlap on some outputs and not on "
            "others (1, 2 or 4 stamps), so a constant image comes out as a checkerboard, max/min %1 inside. Kernel "
            "%2 is divisible by the stride: every output inside gets the same number of stamps, max/min %3.")
      .arg(two(r3))
      .arg(m_evenKernel)
      .arg(two(rE));
}

void ResamplingView::paintDown() {
  auto& panels = m_panels[0];
  if (!panels[0].grid) return;
  paint(panels[0].grid, m_downIn, 1.0);
  for (std::size_t i = 0; i < m_downOut.size(); ++i) paint(panels[i + 1].grid, m_downOut[i], 1.0);
  for (int i = 0; i < kPanels; ++i) {
    panels[static_cast<std::size_t>(i)].numbers->setText(numbersText(0, i));
    panels[static_cast<std::size_t>(i)].title->setText(titleText(0, i));
  }
  m_lesson[0]->setText(lessonText(0));
}

void ResamplingView::paintUp() {
  auto& panels = m_panels[1];
  if (!panels[0].grid) return;
  const auto top = [](const rs::Image& img) { return rs::measure(img).max; };
  paint(panels[0].grid, m_upIn, top(m_upIn));
  for (std::size_t i = 0; i < m_upOut.size(); ++i) paint(panels[i + 1].grid, m_upOut[i], top(m_upOut[i]));
  for (int i = 0; i < kPanels; ++i) {
    panels[static_cast<std::size_t>(i)].numbers->setText(numbersText(1, i));
    panels[static_cast<std::size_t>(i)].title->setText(titleText(1, i));
  }
  m_lesson[1]->setText(lessonText(1));
}

void ResamplingView::applyFonts() {
  for (int page = 0; page < 2; ++page) {
    for (Panel& p : m_panels[page]) {
      // Halving: 40-pixel inputs, 20-pixel outputs; doubling: 8-pixel inputs, 15- or 16-pixel outputs.
      const int cells = p.grid->cols() > 0 ? p.grid->cols() : 16;
      p.grid->setPreferredCell(std::max(4, (m_presentation ? 190 : 170) / cells));
      QFont f = font();
      f.setBold(true);
      p.numbers->setFont(f);
    }
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.1);
    m_lesson[page]->setFont(big);
  }
}

void ResamplingView::setPresentationMode(bool on) {
  m_presentation = on;
  applyFonts();
}

bool ResamplingView::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::Resize) {
    if (auto* g = qobject_cast<CellGrid*>(watched)) {
      const int side = std::max(g->minimumSizeHint().height(), g->width());
      if (g->maximumHeight() != side) g->setMaximumHeight(side);
    }
  }
  return QWidget::eventFilter(watched, event);
}

void ResamplingView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  if (event->type() == QEvent::FontChange) applyFonts();
  QWidget::changeEvent(event);
}

void ResamplingView::retranslateUi() {
  m_pages->setTabText(0, tr("Downsampling by 2"));
  m_pages->setTabText(1, tr("Upsampling by 2"));
  m_pages->setTabToolTip(0, tr("One image halved four ways: which keep a fine pattern, which invent one."));
  m_pages->setTabToolTip(1, tr("A small image doubled four ways: which keep a flat image flat."));
  m_downImageLabel->setText(tr("Image:"));
  m_downChoice->setItemText(0, tr("Stripes"));
  m_downChoice->setItemText(1, tr("Checkerboard"));
  m_downChoice->setItemText(2, tr("Zone plate (rings)"));
  m_downChoice->setItemText(3, tr("Handwritten digit"));
  m_downChoice->setToolTip(
      tr("The image that is halved. Stripes and the checkerboard have the period set beside; "
         "the zone plate's rings get finer towards its corners."));
  m_periodLabel->setText(tr("Period (px):"));
  m_periodBox->setToolTip(
      tr("How many pixels one bright and one dark stripe take together, 2 to 16. Halving keeps "
         "periods of 4 px or more; finer ones alias."));
  m_digitLabel->setText(tr("Digit number:"));
  m_digit->setToolTip(
      tr("Which of the 1,797 bundled UCI digits (8×8; halving draws each pixel 5×5, doubling uses it "
         "as it is)."));
  const bool pattern = isPattern(m_downImage);
  m_periodLabel->setVisible(pattern);
  m_periodBox->setVisible(pattern);
  const bool digit = m_downImage == QLatin1String("digit") || m_upImage == QLatin1String("digit");
  m_digitLabel->setVisible(digit);
  m_digit->setVisible(digit);

  m_upImageLabel->setText(tr("Image:"));
  m_upChoice->setItemText(0, tr("Constant (all 1)"));
  m_upChoice->setItemText(1, tr("Stripes, period 2 px"));
  m_upChoice->setItemText(2, tr("Handwritten digit"));
  m_upChoice->setToolTip(
      tr("The 8×8 image that is doubled. On the constant image any pattern in an output was "
         "made by the upsampling itself."));
  m_weightsLabel->setText(tr("Weights:"));
  m_weightsChoice->setItemText(0, tr("Equal (all 1)"));
  m_weightsChoice->setItemText(1, tr("Bilinear (tent)"));
  m_weightsChoice->setToolTip(
      tr("The transposed convolutions' weights. Equal: each output counts the input stamps "
         "that cover it. Tent (½ 1 ½, ¼ ¾ ¾ ¼): the weights that make a transposed convolution "
         "bilinear."));
  m_kernelLabel->setText(tr("Beside kernel 3:"));
  m_kernelChoice->setItemText(0, tr("kernel 4, padding 1"));
  m_kernelChoice->setItemText(1, tr("kernel 2"));
  m_kernelChoice->setToolTip(tr("The transposed convolution compared with kernel 3: a kernel the stride 2 divides."));

  const QString downTips[kPanels] = {
      tr("The input, black 0 to white 1."),
      tr("A 1×1 convolution with stride 2: keeps every second row and column, drops the rest unseen."),
      tr("The mean of each 2×2 window (the engine's avg_pool2d)."),
      tr("The largest value of each 2×2 window (the engine's max_pool2d)."),
      tr("A 3×3 blur (1 2 1)ᵀ(1 2 1)/16 as a convolution with stride 2, the edges mirrored: smoothing before "
         "subsampling, as image libraries and blur pooling do.")};
  const QString upTips[kPanels] = {
      tr("The 8×8 input, black 0 to white at its largest value."),
      tr("Each pixel copied into a 2×2 block (the engine's upsample, nearest)."),
      tr("Each output interpolated between its four nearest inputs (upsample, bilinear)."),
      tr("The engine's conv_transpose2d, kernel 3, stride 2, padding 1: each input stamps a 3×3 kernel, two pixels "
         "apart. Shaded from black 0 to white at its own largest value."),
      tr("The engine's conv_transpose2d with a kernel the stride divides. Shaded from black 0 to white at its own "
         "largest value.")};
  for (int i = 0; i < kPanels; ++i) {
    m_panels[0][static_cast<std::size_t>(i)].grid->setToolTip(downTips[i]);
    m_panels[1][static_cast<std::size_t>(i)].grid->setToolTip(upTips[i]);
    m_panels[0][static_cast<std::size_t>(i)].numbers->setToolTip(
        tr("Measured on this picture: mean, contrast (largest − smallest value) and, for stripes, their period in "
           "the input's pixels."));
    m_panels[1][static_cast<std::size_t>(i)].numbers->setToolTip(
        tr("Measured inside this picture (its outer ring of pixels left out: fewer stamps reach the border): the "
           "smallest and largest value and their ratio. 1 means flat."));
  }
  m_lesson[0]->setToolTip(tr("What the pictures show, with the numbers measured on them."));
  m_lesson[1]->setToolTip(tr("What the pictures show; the ratios are measured on the constant image."));
  paintDown();
  paintUp();
}

}  // namespace dlui
