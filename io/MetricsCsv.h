// The metrics CSV: one row per step, the same columns from the headless run and the GUI export:
// step,epoch,lr,train_loss,val_loss,val_acc,grad_norm_total,clipped and, for each weighted layer
// i from 1, grad_norm_i,weight_norm_i,update_ratio_i,sparsity_i,saturation_i, then — only for a
// run with a test part (data.testFraction > 0) — test_loss,test_acc. Empty cells mean "not
// measured at this step" (validation and test between evaluations, saturation of the output layer).
#pragma once

#include "train/Trainer.h"

#include <QString>

namespace dlio {

QString metricsCsvHeader(int weightedLayers, bool withTest = false);
QString metricsCsvRow(const dl::StepMetrics& m, int weightedLayers, bool withTest = false);

}  // namespace dlio
