// The CNN lab's files: a configuration (images, augmentation, the layer stack, optimiser, schedule,
// training) as JSON marked "format": "dlplay-cnn", "lab": "cnn", read as strictly as experiment
// files (an unknown key is an error naming it), its presets, its images, and the metrics CSV the
// headless run writes (docs/presets.md, "CNN lab").
#pragma once

#include "cnn/CnnTrainer.h"
#include "io/ExperimentIo.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace dlio {

inline constexpr int kCnnFormatVersion = 1;

// A layer stack as a JSON array of objects, {"kind": "conv2d", "units": 8, "kernel": 3, "padding":
// "same"} — only the keys a kind reads, written when they differ from the defaults.
QJsonArray layersToJson(const std::vector<dl::LayerSpec>& layers);
// Throws dl::ConfigError naming "layers[i].key" for a key the kind does not read or a bad value.
std::vector<dl::LayerSpec> layersFromJson(const QJsonArray& a);

QJsonObject cnnToJson(const dl::CnnConfig& c);
// Throws IoError "<source>: field 'x' has bad value 'v': why" (one line) for invalid JSON, a file
// that is not a dlplay-cnn file, an unknown key, a wrong type or a value validation refuses.
dl::CnnConfig parseCnn(const QByteArray& json, const QString& source);
dl::CnnConfig readCnnFile(const QString& path);
// A CNN preset (:/presets/<name>.json). Throws IoError for an unknown name.
dl::CnnConfig readCnnPreset(const QString& name);
void writeCnnFile(const QString& path, const dl::CnnConfig& c);

// The configuration's images, prepared: the digits bundled with dlplay (io/ImageFolder.h),
// Fashion-MNIST from its Debian package, or generated shapes. Throws IoError (one line, the file
// and the reason; a missing Fashion-MNIST says how to install it).
std::shared_ptr<const dl::CnnData> loadCnnData(const dl::CnnDataConfig& c);

// The metrics CSV: one row per step; the validation columns are empty between evaluations. Columns:
// step,train_loss,val_loss,val_accuracy,epoch,learning_rate,grad_norm
QString cnnMetricsHeader();
QString cnnMetricsRow(const dl::CnnStep& s);

}  // namespace dlio
