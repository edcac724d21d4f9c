// dlplay --headless --lab search: a hyperparameter search from a search file or preset, trained on
// every core, with a progress bar, a summary and the trials as CSV.
#pragma once

class QCommandLineParser;
class QString;

namespace dlapp {

// --config FILE.json (a search file) or --preset NAME; --steps N (per trial), --seed N (the
// sampling seed), --threads N (trials at once), --trials-csv OUT.csv, --quiet. Exit 0 when at least
// one trial finished, 3 when every trial diverged or failed, 2 for bad input or a failed write.
int runSearchLab(const QCommandLineParser& parser);
// A search preset's description (dlio::IoError when it does not read).
QString describeSearchPreset(const QString& name);

}  // namespace dlapp
