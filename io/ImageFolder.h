// Image data sets from files through Qt: the bundled UCI digits (compiled into the program as a
// resource) and a user's folder of images, one sub-folder per class, read with QImage. Problems
// are dl::DataErrors naming the file or folder and the value at fault.
#pragma once

#include "data/Dataset.h"

#include <QImage>
#include <QString>
#include <QStringList>

namespace dlio {

// Limits, so a huge folder or a huge image cannot exhaust memory: images in a folder, the side of
// a source image (checked from its header before decoding), the side of the images made, and the
// values of the whole set (images · channels · size²; 100 M floats = 400 MB).
constexpr int kMaxFolderImages = 100000;
constexpr int kMaxSourceSide = 4096;
constexpr int kMinImageSide = 4;
constexpr int kMaxImageSide = 256;
constexpr qint64 kMaxFolderValues = 100'000'000;

// The 1,797 UCI 8×8 digits bundled as resources/data/digits.csv.gz (dl::parseDigitsCsv).
dl::Dataset loadBundledDigits();

// One image file, decoded by content (not by its name), as loadImageFolder reads each of its files:
// DataError naming the file for a missing path, a device/FIFO/socket, a side above kMaxSourceSide
// (from the header, before decoding) or content that is not an image.
QImage readImageFile(const QString& path);

// The class names of an image folder: its sub-folders, sorted, hidden ones skipped (empty when root
// is not a folder). loadImageFolder's classes, in its order.
QStringList imageFolderClasses(const QString& root);

// `root` holds one sub-folder per class (class names: the folder names, sorted; hidden folders are
// skipped). In each, the files named *.png, *.jpg or *.jpeg (any case) are images; other files
// are ignored. Each image is scaled to size × size (aspect ratio not kept, smooth) and made grey
// (one channel, Qt's luminance) or RGB (three; alpha dropped); pixels / 255. The set is
// Dataset::image {1 or 3, size, size}, samples in class order then file name order.
//
// Throws DataError naming the folder or file for: a root that is missing or not a folder; fewer
// than 2 class folders; a class folder without images; more than kMaxFolderImages images, or a set
// of more than kMaxFolderValues values; a size outside [kMinImageSide, kMaxImageSide]; a file that
// cannot be read as an image (the first one, by name); a source image with a side above
// kMaxSourceSide.
dl::Dataset loadImageFolder(const QString& root, int size, bool rgb);

}  // namespace dlio
