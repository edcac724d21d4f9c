// CNN files ⇄ CnnConfig, strict like the experiment format (io/JsonReader.h); the CNN lab's images
// and metrics rows.
#include "io/CnnIo.h"

#include "io/ErrorText.h"
#include "io/FieldJson.h"
#include "io/ImageFolder.h"
#include "io/JsonReader.h"
#include "io/OutputFile.h"
#include "io/Presets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cmath>

namespace dlio {

namespace {

using dl::ConfigError;
using json::Reader;
using json::show;

constexpr const char* kFormat = "dlplay-cnn";
constexpr const char* kLab = "cnn";

void readIndex(Reader& r, const QString& key, dl::Index& out) {
  int v = static_cast<int>(out);
  r.integer(key, v);
  out = v;
}

dl::LayerSpec layerFromJson(const QJsonValue& v, const std::string& path) {
  if (!v.isObject())
    throw ConfigError(path, show(v).toStdString(),
                      {DL_TRANSLATE_NOOP("dl", "each layer is an object like %1"),
                       {R"({"kind": "conv2d", "units": 8, "kernel": 3})"}});
  Reader r(v.toObject(), path);
  dl::LayerSpec s;
  if (!r.has("kind")) throw ConfigError(path + ".kind", "", DL_TRANSLATE_NOOP("dl", "every layer names its kind"));
  r.string("kind", s.kind);
  readIndex(r, "units", s.units);
  r.boolean("bias", s.bias);
  r.string("activation", s.activation.activation);
  r.number("slope", s.activation.slope);
  r.number("alpha", s.activation.alpha);
  r.integer("pieces", s.activation.pieces);
  r.number("rate", s.rate);
  readIndex(r, "kernel", s.kernel);
  readIndex(r, "kernelWidth", s.kernelWidth);
  readIndex(r, "stride", s.stride);
  if (r.has("padding")) {
    const QJsonValue p = r.take("padding");
    if (p.isString() && p.toString() == QLatin1String("same")) {
      s.padding = dl::LayerSpec::kSamePadding;
    } else if (p.isDouble() && p.toDouble() == std::floor(p.toDouble()) && p.toDouble() >= 0 && p.toDouble() <= 1e6) {
      s.padding = static_cast<dl::Index>(p.toDouble());
    } else {
      throw ConfigError(path + ".padding", show(p).toStdString(),
                        DL_TRANSLATE_NOOP("dl", "must be \"same\" or a whole number of pixels >= 0"));
    }
  }
  readIndex(r, "dilation", s.dilation);
  readIndex(r, "groups", s.groups);
  readIndex(r, "scale", s.scale);
  r.string("mode", s.mode);
  if (r.has("bins")) {
    std::vector<int> bins;
    r.integers("bins", bins);
    s.bins.assign(bins.begin(), bins.end());
  }
  r.boolean("returnSequences", s.returnSequences);
  readIndex(r, "truncation", s.truncation);
  r.string("recurrentInit", s.recurrentInit);
  r.number("recurrentGain", s.recurrentGain);
  r.number("forgetBias", s.forgetBias);
  readIndex(r, "vocabulary", s.vocabulary);
  r.finish();
  return s;
}

}  // namespace

QJsonArray layersToJson(const std::vector<dl::LayerSpec>& layers) {
  const dl::LayerSpec d;
  QJsonArray a;
  for (const dl::LayerSpec& s : layers) {
    QJsonObject o{{"kind", QString::fromStdString(s.kind)}};
    if (s.units != d.units) o["units"] = static_cast<double>(s.units);
    if (s.bias != d.bias) o["bias"] = s.bias;
    if (s.kind == "activation" || s.kind == "maxout") {
      o["activation"] = QString::fromStdString(s.activation.activation);
      if (s.activation.activation == "leaky_relu" || s.activation.activation == "prelu")
        o["slope"] = s.activation.slope;
      if (s.activation.activation == "elu") o["alpha"] = s.activation.alpha;
      if (s.kind == "maxout") o["pieces"] = s.activation.pieces;
    }
    if (s.rate != d.rate) o["rate"] = s.rate;
    if (s.kernel != d.kernel) o["kernel"] = static_cast<double>(s.kernel);
    if (s.kernelWidth != d.kernelWidth) o["kernelWidth"] = static_cast<double>(s.kernelWidth);
    if (s.stride != d.stride) o["stride"] = static_cast<double>(s.stride);
    if (s.padding == dl::LayerSpec::kSamePadding)
      o["padding"] = QStringLiteral("same");
    else if (s.padding != d.padding)
      o["padding"] = static_cast<double>(s.padding);
    if (s.dilation != d.dilation) o["dilation"] = static_cast<double>(s.dilation);
    if (s.groups != d.groups) o["groups"] = static_cast<double>(s.groups);
    if (s.kind == "upsample") {
      o["scale"] = static_cast<double>(s.scale);
      if (!s.mode.empty()) o["mode"] = QString::fromStdString(s.mode);
    }
    if (!s.bins.empty()) {
      QJsonArray bins;
      for (dl::Index b : s.bins) bins.append(static_cast<double>(b));
      o["bins"] = bins;
    }
    if (s.returnSequences != d.returnSequences) o["returnSequences"] = s.returnSequences;
    if (s.truncation != d.truncation) o["truncation"] = static_cast<double>(s.truncation);
    if (s.recurrentInit != d.recurrentInit) o["recurrentInit"] = QString::fromStdString(s.recurrentInit);
    if (s.recurrentGain != d.recurrentGain) o["recurrentGain"] = s.recurrentGain;
    if (s.forgetBias != d.forgetBias) o["forgetBias"] = s.forgetBias;
    if (s.vocabulary != d.vocabulary) o["vocabulary"] = static_cast<double>(s.vocabulary);
    a.append(o);
  }
  return a;
}

std::vector<dl::LayerSpec> layersFromJson(const QJsonArray& a) {
  std::vector<dl::LayerSpec> layers;
  for (qsizetype i = 0; i < a.size(); ++i) layers.push_back(layerFromJson(a[i], "layers[" + std::to_string(i) + "]"));
  return layers;
}

QJsonObject cnnToJson(const dl::CnnConfig& c) {
  QJsonObject o;
  o["format"] = kFormat;
  o["version"] = kCnnFormatVersion;
  o["lab"] = kLab;
  if (!c.name.empty()) o["name"] = QString::fromStdString(c.name);
  if (!c.description.empty()) o["description"] = QString::fromStdString(c.description);
  QJsonObject data, augment, init, optimizer, training;
  writeFields(data, dl::cnnDataFields(), c.data);
  writeFields(augment, dl::cnnAugmentFields(), c.augment);
  writeFields(init, dl::initFields(), c.init);
  writeFields(optimizer, dl::optimizerFields(), c.optimizer);
  writeFields(training, dl::cnnTrainingFields(), c.training);
  o["data"] = data;
  o["augment"] = augment;
  o["layers"] = layersToJson(c.layers);
  o["init"] = init;
  o["optimizer"] = optimizer;
  o["schedule"] = scheduleToJson(c.schedule);
  o["training"] = training;
  if (c.pretrain.steps > 0) {  // written only when there is a pretraining phase
    QJsonObject pretrain;
    writeFields(pretrain, dl::cnnPretrainFields(), c.pretrain);
    o["pretrain"] = pretrain;
  }
  return o;
}

namespace {

dl::CnnConfig cnnFromJson(const QJsonObject& o) {
  dl::CnnConfig c;
  Reader top(o, "");
  json::readFormatAndLab(top, kFormat, kLab, DL_TRANSLATE_NOOP("dl", "a CNN file starts with \"format\": \"%1\""),
                         DL_TRANSLATE_NOOP("dl", "a CNN file says \"lab\": \"%1\""));
  json::readVersion(top, kCnnFormatVersion);
  top.string("name", c.name);
  top.string("description", c.description);
  readSection(top, "data", dl::cnnDataFields(), c.data);
  readSection(top, "augment", dl::cnnAugmentFields(), c.augment);
  if (top.has("layers")) c.layers = layersFromJson(top.array("layers"));
  readSection(top, "init", dl::initFields(), c.init);
  readSection(top, "optimizer", dl::optimizerFields(), c.optimizer);
  if (top.has("schedule")) scheduleFromJson(top.object("schedule"), c.schedule);
  readSection(top, "training", dl::cnnTrainingFields(), c.training);
  readSection(top, "pretrain", dl::cnnPretrainFields(), c.pretrain);
  top.finish();
  return c;
}

}  // namespace

dl::CnnConfig parseCnn(const QByteArray& bytes, const QString& source) {
  const QJsonObject o = json::parseObject(bytes, source);
  try {
    dl::CnnConfig c = cnnFromJson(o);
    c.validate();
    return c;
  } catch (const ConfigError& e) {
    throw IoError(fillTemplate(ErrorText::tr("%1: %2"), {source, ErrorText::of(e)}));
  }
}

dl::CnnConfig readCnnFile(const QString& path) {
  dl::CnnConfig c = parseCnn(json::readFileBytes(path), path);
  // A relative image folder is the file's neighbour, wherever dlplay was started from.
  if (c.data.source == "folder" && QDir::isRelativePath(QString::fromStdString(c.data.folder)))
    c.data.folder = QFileInfo(path).dir().filePath(QString::fromStdString(c.data.folder)).toStdString();
  return c;
}

dl::CnnConfig readCnnPreset(const QString& name) {
  if (!QFile::exists(presetPath(name)))
    throw IoError(fillTemplate(ErrorText::tr("preset '%1' does not exist; --list-presets shows them"), {name}));
  QFile f(presetPath(name));
  if (!f.open(QIODevice::ReadOnly)) throw IoError(fillTemplate(ErrorText::tr("preset '%1' cannot be read"), {name}));
  return parseCnn(f.readAll(), fillTemplate(ErrorText::tr("preset '%1'"), {name}));
}

void writeCnnFile(const QString& path, const dl::CnnConfig& c) {
  writeFileAtomically(path, QJsonDocument(cnnToJson(c)).toJson(QJsonDocument::Indented));
}

std::shared_ptr<const dl::CnnData> loadCnnData(const dl::CnnDataConfig& c) {
  try {
    dl::CnnImages images;
    if (c.source == "digits")
      images.all = loadBundledDigits();
    else if (c.source == "folder")
      images.all = loadImageFolder(QString::fromStdString(c.folder), c.folderSize, c.folderRgb);
    else
      images = dl::loadCnnImages(c, "");
    return dl::prepareCnnData(c, images);
  } catch (const dl::DataError& e) {
    throw IoError(ErrorText::of(e));
  } catch (const ConfigError& e) {
    throw IoError(ErrorText::of(e));
  }
}

namespace {
QString num(double v) { return std::isfinite(v) ? QString::number(v, 'g', 9) : QString(); }
}  // namespace

QString cnnMetricsHeader() {
  return QStringLiteral("step,train_loss,val_loss,val_accuracy,epoch,learning_rate,grad_norm");
}

QString cnnMetricsRow(const dl::CnnStep& s) {
  return QString("%1,%2,%3,%4,%5,%6,%7")
      .arg(s.step)
      .arg(num(s.trainLoss), num(s.valLoss), num(s.valAccuracy))
      .arg(s.epoch)
      .arg(num(s.lr), num(s.gradNormTotal));
}

}  // namespace dlio
