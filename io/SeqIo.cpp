// Sequence files ⇄ SeqConfig, strict like the other formats (io/JsonReader.h); the character
// model's texts and the metrics rows.
#include "io/SeqIo.h"

#include "core/Error.h"
#include "data/FileBytes.h"
#include "io/CnnIo.h"
#include "io/ErrorText.h"
#include "io/FieldJson.h"
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

constexpr const char* kFormat = "dlplay-sequence";
constexpr const char* kLab = "sequence";
constexpr std::uintmax_t kMaxTextBytes = 32ull * 1024 * 1024;

dl::SeqConfig seqFromJson(const QJsonObject& o) {
  dl::SeqConfig c;
  Reader top(o, "");
  json::readFormatAndLab(top, kFormat, kLab, DL_TRANSLATE_NOOP("dl", "a sequence file starts with \"format\": \"%1\""),
                         DL_TRANSLATE_NOOP("dl", "a sequence file says \"lab\": \"%1\""));
  json::readVersion(top, kSeqFormatVersion);
  top.string("name", c.name);
  top.string("description", c.description);
  readSection(top, "task", dl::seqTaskFields(), c.task);
  if (top.has("layers")) c.layers = layersFromJson(top.array("layers"));
  readSection(top, "init", dl::initFields(), c.init);
  readSection(top, "optimizer", dl::optimizerFields(), c.optimizer);
  if (top.has("schedule")) scheduleFromJson(top.object("schedule"), c.schedule);
  readSection(top, "training", dl::seqTrainingFields(), c.training);
  readSection(top, "seq2seq", dl::seq2seqFields(), c.seq2seq);
  readSection(top, "skipgram", dl::skipGramFields(), c.skipgram);
  top.finish();
  return c;
}

}  // namespace

QJsonObject seqToJson(const dl::SeqConfig& c) {
  QJsonObject o;
  o["format"] = kFormat;
  o["version"] = kSeqFormatVersion;
  o["lab"] = kLab;
  if (!c.name.empty()) o["name"] = QString::fromStdString(c.name);
  if (!c.description.empty()) o["description"] = QString::fromStdString(c.description);
  QJsonObject task, init, optimizer, training;
  writeFields(task, dl::seqTaskFields(), c.task);
  writeFields(init, dl::initFields(), c.init);
  writeFields(optimizer, dl::optimizerFields(), c.optimizer);
  writeFields(training, dl::seqTrainingFields(), c.training);
  o["task"] = task;
  if (c.isSeq2Seq()) {  // the model's own section; the layer stack is not used
    QJsonObject s;
    writeFields(s, dl::seq2seqFields(), c.seq2seq);
    o["seq2seq"] = s;
  } else if (c.isWords()) {
    QJsonObject s;
    writeFields(s, dl::skipGramFields(), c.skipgram);
    o["skipgram"] = s;
  }
  if (!c.layers.empty()) o["layers"] = layersToJson(c.layers);
  o["init"] = init;
  o["optimizer"] = optimizer;
  o["schedule"] = scheduleToJson(c.schedule);
  o["training"] = training;
  return o;
}

dl::SeqConfig parseSeq(const QByteArray& bytes, const QString& source) {
  const QJsonObject o = json::parseObject(bytes, source);
  try {
    dl::SeqConfig c = seqFromJson(o);
    c.validate();
    return c;
  } catch (const ConfigError& e) {
    throw IoError(fillTemplate(ErrorText::tr("%1: %2"), {source, ErrorText::of(e)}));
  }
}

dl::SeqConfig readSeqFile(const QString& path) {
  dl::SeqConfig c = parseSeq(json::readFileBytes(path), path);
  // A relative text or series is the file's neighbour, wherever dlplay was started from.
  if (!c.task.file.empty() && QDir::isRelativePath(QString::fromStdString(c.task.file)))
    c.task.file = QFileInfo(path).dir().filePath(QString::fromStdString(c.task.file)).toStdString();
  return c;
}

dl::SeqConfig readSeqPreset(const QString& name) {
  if (!QFile::exists(presetPath(name)))
    throw IoError(fillTemplate(ErrorText::tr("preset '%1' does not exist; --list-presets shows them"), {name}));
  QFile f(presetPath(name));
  if (!f.open(QIODevice::ReadOnly)) throw IoError(fillTemplate(ErrorText::tr("preset '%1' cannot be read"), {name}));
  return parseSeq(f.readAll(), fillTemplate(ErrorText::tr("preset '%1'"), {name}));
}

void writeSeqFile(const QString& path, const dl::SeqConfig& c) {
  writeFileAtomically(path, QJsonDocument(seqToJson(c)).toJson(QJsonDocument::Indented));
}

std::string notesText() {
  std::string text;
  const QDir dir(QStringLiteral(":/notes"));
  for (const QString& f : dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name)) {
    QFile file(dir.filePath(f));
    if (file.open(QIODevice::ReadOnly)) text += file.readAll().toStdString() + "\n";
  }
  return text;
}

dl::Corpus loadCorpus(const dl::SeqConfig& c) {
  try {
    const int minCount = c.skipgram.minCount;
    if (!c.task.file.empty()) return dl::Corpus::fromFile(c.task.file, minCount);
    QFile f(QStringLiteral(":/data/skipgram-corpus.txt"));
    if (!f.open(QIODevice::ReadOnly)) throw IoError(QStringLiteral("the bundled corpus cannot be read"));
    const QByteArray text = f.readAll();
    return dl::Corpus::fromText(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                                "the bundled corpus", minCount);
  } catch (const dl::DataError& e) {
    throw IoError(ErrorText::of(e));
  } catch (const ConfigError& e) {
    throw IoError(ErrorText::of(e));
  }
}

std::shared_ptr<const dl::SeqData> loadSeqData(const dl::SeqTaskConfig& task) {
  try {
    if (task.kind != "chars") return dl::makeSeqData(task);
    if (task.file.empty()) return dl::makeSeqData(task, notesText(), "the notes");
    return dl::makeSeqData(task, dl::readDataFile(task.file, kMaxTextBytes), task.file);
  } catch (const dl::DataError& e) {
    throw IoError(ErrorText::of(e));
  } catch (const ConfigError& e) {
    throw IoError(ErrorText::of(e));
  }
}

namespace {
QString num(double v) { return std::isfinite(v) ? QString::number(v, 'g', 9) : QString(); }
}  // namespace

QString seqMetricsHeader() {
  return QStringLiteral("run,step,train_loss,val_loss,val_accuracy,grad_norm,clipped,grad_first_step,grad_last_step");
}

QString seqMetricsRow(const std::string& run, const dl::SeqStep& s) {
  const bool g = !s.timeGradients.empty();
  return QString("%1,%2,%3,%4,%5,%6,%7,%8,%9")
      .arg(QString::fromStdString(run))
      .arg(s.step)
      .arg(num(s.trainLoss), num(s.valLoss), num(s.valAccuracy), num(s.gradNormTotal))
      .arg(s.clipped ? 1 : 0)
      .arg(g ? num(s.timeGradients.front()) : QString(), g ? num(s.timeGradients.back()) : QString());
}

}  // namespace dlio
