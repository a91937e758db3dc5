import IndexStorage

/// The SQLite index is the first backend of the storage seam (`IndexStorage`).
extension IndexStore: FileCatalog, KeywordIndex, SessionLog, VectorTable {}
