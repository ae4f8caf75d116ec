import Notebook
import Interpreter
import Render
import Reports
// Runs notebooks and judges their cells. (scaffold)
public enum RunnerModule {}
