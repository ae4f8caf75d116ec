import Notebook
import Reports
// HTML course pages, snapshots and the diagnostic formatter. (scaffold)
public enum RenderModule {}
