// The search file format (docs/presets.md, "Hyperparameter-search lab"): a playground experiment
// and the search over it, as JSON —
//   {"lab": "search", "name": …, "description": …,
//    "experiment": {…an experiment object exactly as ExperimentIo reads it…},
//    "search": {"params": [{"name": "learningRate", "low": 1e-4, "high": 1, "scale": "log"}, …],
//               "strategy": "log-uniform", "trials": 16, "steps": 500, "rounds": 2, "zoom": 0.25,
//               "seed": 1, "threads": 0}}
// read strictly (unknown keys, wrong types and invalid values are IoError naming the file, the
// dotted field and the value), and the trials table as CSV.
#pragma once

#include "io/ExperimentIo.h"
#include "search/Search.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace dlio {

// JSON ⇄ search. searchFromJson throws dl::ConfigError naming the dotted field
// ("search.params[0].scale", "experiment.optimizer.lr"); it does not validate the values.
QJsonObject searchToJson(const dl::search::SearchConfig& c);
dl::search::SearchConfig searchFromJson(const QJsonObject& o);

// Throw IoError "<file>: <field> …" (the search validated, dl::search::validate). A relative CSV
// path of the experiment resolves from the search file's folder.
dl::search::SearchConfig parseSearch(const QByteArray& json, const QString& nameForErrors);
dl::search::SearchConfig readSearchFile(const QString& path);
// Written atomically; read back it equals `c`.
QByteArray searchFileBytes(const dl::search::SearchConfig& c);
void writeSearchFile(const QString& path, const dl::search::SearchConfig& c);
// A search preset (:/presets/<name>.json of the "search" lab). IoError for an unknown name.
dl::search::SearchConfig readSearchPreset(const QString& name);

// The trials table: trial,round,<param names…>,status,train_loss,val_loss,val_accuracy,
// best_val_loss,steps,diverged_at — one row per trial in index order; empty cells for what a
// trial has not measured (NaN), diverged_at empty unless it diverged.
QString trialsCsvHeader(const dl::search::SearchConfig& c);
QString trialsCsvRow(const dl::search::Trial& t);
// With `compared` (the trials of c.compare's search), a first column "search" names each row's
// strategy ("random", "grid", …), the comparison's rows after the search's own.
QByteArray trialsCsv(const dl::search::SearchConfig& c, const std::vector<dl::search::Trial>& trials,
                     const std::vector<dl::search::Trial>* compared = nullptr);
// Atomically (io/OutputFile); IoError naming the file and the reason.
void writeTrialsCsv(const QString& path, const dl::search::SearchConfig& c,
                    const std::vector<dl::search::Trial>& trials,
                    const std::vector<dl::search::Trial>* compared = nullptr);

}  // namespace dlio
