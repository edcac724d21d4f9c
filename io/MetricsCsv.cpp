// Formatting of metrics CSV rows (see MetricsCsv.h).
#include "io/MetricsCsv.h"

#include <cmath>

namespace dlio {

namespace {
QString num(double v) {
  return std::isfinite(v) ? QString::number(v, 'g', 7) : (std::isnan(v) ? QString() : QString::number(v));
}
}  // namespace

QString metricsCsvHeader(int layers, bool withTest) {
  QString h = "step,epoch,lr,train_loss,val_loss,val_acc,grad_norm_total,clipped";
  for (int i = 1; i <= layers; ++i)
    h += QString(",grad_norm_%1,weight_norm_%1,update_ratio_%1,sparsity_%1,saturation_%1").arg(i);
  if (withTest) h += ",test_loss,test_acc";
  return h;
}

QString metricsCsvRow(const dl::StepMetrics& m, int layers, bool withTest) {
  QString r = QString("%1,%2,%3,%4,%5,%6,%7,%8")
                  .arg(m.step)
                  .arg(m.epoch)
                  .arg(num(m.lr), num(m.trainLoss), m.evaluated ? num(m.valLoss) : QString(),
                       m.evaluated ? num(m.valAccuracy) : QString(), num(m.gradNormTotal), m.clipped ? "1" : "0");
  for (int i = 0; i < layers; ++i) {
    if (i < static_cast<int>(m.layers.size())) {
      const dl::LayerStats& s = m.layers[static_cast<std::size_t>(i)];
      r += "," + num(s.gradNorm) + "," + num(s.weightNorm) + "," + num(s.updateRatio) + "," + num(s.sparsity) + "," +
           num(s.saturation);
    } else {
      r += ",,,,,";
    }
  }
  if (withTest)
    r += "," + (m.evaluated ? num(m.testLoss) : QString()) + "," + (m.evaluated ? num(m.testAccuracy) : QString());
  return r;
}

}  // namespace dlio
