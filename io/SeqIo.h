// The sequence lab's files: a configuration (task, layer stack, optimiser, schedule, training with
// clipping and the cells to compare) as JSON marked "format": "dlplay-sequence", "lab": "sequence",
// read as strictly as the other formats (an unknown key is an error naming it), its presets, the
// texts of the character model, and the metrics CSV of a headless run (docs/presets.md).
#pragma once

#include "io/ExperimentIo.h"
#include "seq/Corpus.h"
#include "seq/SeqTrainer.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace dlio {

inline constexpr int kSeqFormatVersion = 1;

QJsonObject seqToJson(const dl::SeqConfig& c);
// Throws IoError "<source>: field 'x' has bad value 'v': why" (one line).
dl::SeqConfig parseSeq(const QByteArray& json, const QString& source);
dl::SeqConfig readSeqFile(const QString& path);
// A sequence preset (:/presets/<name>.json). Throws IoError for an unknown name.
dl::SeqConfig readSeqPreset(const QString& name);
void writeSeqFile(const QString& path, const dl::SeqConfig& c);

// The program's own notes, every Markdown body in both languages one after the other: the
// character model's default text (so Chinese and English both appear in what it learns).
std::string notesText();

// The task's sequences: a character model's text (task.file, or the notes), a series, or a
// generated task. Throws IoError (one line naming the file and what is wrong).
std::shared_ptr<const dl::SeqData> loadSeqData(const dl::SeqTaskConfig& task);

// The text of a "words" task: task.file, or the corpus bundled with dlplay
// (:/data/skipgram-corpus.txt), with skipgram.minCount. Throws IoError (one line).
dl::Corpus loadCorpus(const dl::SeqConfig& c);

// The metrics CSV: one row per step and run; the validation columns are empty between
// evaluations. Columns: run,step,train_loss,val_loss,val_accuracy,grad_norm,clipped,grad_first_step,grad_last_step
QString seqMetricsHeader();
QString seqMetricsRow(const std::string& run, const dl::SeqStep& s);

}  // namespace dlio
