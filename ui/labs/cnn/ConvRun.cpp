// The shared convolution run and colour maps; see ConvRun.h.
#include "labs/cnn/ConvRun.h"

#include "nn/Layer.h"

#include <algorithm>
#include <cmath>
#include <span>

namespace dlui::conv {

Result run(const std::vector<double>& input, int channels, int height, int width, const std::vector<double>& kernel,
           int k, int stride, int padding, int dilation) {
  dl::LayerSpec spec;
  spec.kind = "conv2d";
  spec.units = 1;
  spec.bias = false;
  spec.kernel = k;
  spec.stride = stride;
  spec.padding = padding;
  spec.dilation = dilation;
  const auto layer = dl::makeLayer(spec, dl::Shape{channels, height, width, 1}, "conv");
  // W (1, C·k·k): column (c·k + i)·k + j is channel c, tap (i, j) — the kernel's own order.
  std::vector<dl::Scalar> params(static_cast<std::size_t>(layer->paramCount()), 0);
  for (std::size_t i = 0; i < kernel.size() && i < params.size(); ++i) params[i] = static_cast<dl::Scalar>(kernel[i]);
  dl::Matrix x(static_cast<dl::Index>(input.size()), 1);
  for (std::size_t i = 0; i < input.size(); ++i) x(static_cast<dl::Index>(i), 0) = static_cast<dl::Scalar>(input[i]);
  dl::Matrix y;
  const dl::Matrix& out = layer->infer(x, y, std::span<const dl::Scalar>(params), std::span<const dl::Scalar>());
  const dl::Shape shape = layer->outputShape();
  Result r;
  r.height = static_cast<int>(shape.height);
  r.width = static_cast<int>(shape.width);
  r.values.resize(static_cast<std::size_t>(out.rows()));
  for (dl::Index i = 0; i < out.rows(); ++i) r.values[static_cast<std::size_t>(i)] = out(i, 0);
  return r;
}

QString number(double v) {
  if (!std::isfinite(v)) return v > 0 ? QStringLiteral("∞") : (v < 0 ? QStringLiteral("−∞") : QStringLiteral("—"));
  QString s;
  if (std::abs(v - std::round(v)) < 1e-9 && std::abs(v) < 1e9)
    s = QString::number(static_cast<long long>(std::llround(v)));
  else
    s = QString::number(v, 'g', 3);
  if (s == QLatin1String("-0")) s = QStringLiteral("0");
  return s.replace(QLatin1Char('-'), QChar(0x2212));
}

QString factor(double v) {
  const QString s = number(v);
  return v < 0 && s != QLatin1String("0") ? QLatin1Char('(') + s + QLatin1Char(')') : s;
}

QColor diverging(double v, double maxAbs) {
  if (!(maxAbs > 0) || !std::isfinite(v)) return Qt::white;
  const double t = std::clamp(v / maxAbs, -1.0, 1.0);
  const QColor neg(0x21, 0x66, 0xac), pos(0xb2, 0x18, 0x2b);
  const QColor& end = t < 0 ? neg : pos;
  const double a = std::abs(t);
  return QColor::fromRgbF(static_cast<float>(1 + (end.redF() - 1) * a), static_cast<float>(1 + (end.greenF() - 1) * a),
                          static_cast<float>(1 + (end.blueF() - 1) * a));
}

QColor sequential(double t) {
  t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
  const QColor end(0x08, 0x30, 0x6b);
  return QColor::fromRgbF(static_cast<float>(1 + (end.redF() - 1) * t), static_cast<float>(1 + (end.greenF() - 1) * t),
                          static_cast<float>(1 + (end.blueF() - 1) * t));
}

QColor textOn(const QColor& fill) { return fill.lightnessF() < 0.55 ? Qt::white : Qt::black; }

}  // namespace dlui::conv
