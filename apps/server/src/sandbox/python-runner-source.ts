/**
 * The Python that wraps the user's code in both local backends (bubblewrap and Pyodide). It runs `main.py`
 * as `__main__`, prints tracebacks that start in the user's code, turns MemoryError into a distinct exit
 * status, and saves the matplotlib figures left open (plt.show() on the Agg backend does not block) as PNGs.
 * Kept as a string because the build copies only TypeScript.
 */
export const memoryErrorExitCode = 86;

export const pythonRunnerSource = String.raw`
import os, sys, traceback, warnings

MEMORY_ERROR_EXIT = ${memoryErrorExitCode}


def _print_user_traceback(error):
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != 'main.py':
        tb = tb.tb_next
    traceback.print_exception(type(error), error, tb)


def _save_figures(plots_dir, max_plots):
    pyplot = sys.modules.get('matplotlib.pyplot')
    if pyplot is None:
        return
    for index, number in enumerate(pyplot.get_fignums()[:max_plots]):
        try:
            path = os.path.join(plots_dir, 'figure-%03d.png' % (index + 1))
            pyplot.figure(number).savefig(path, format='png', dpi=100, bbox_inches='tight')
        except Exception as error:
            print('Could not save figure %d: %s' % (number, error), file=sys.stderr)
    pyplot.close('all')


def run(main_path, work_dir, plots_dir, max_plots):
    warnings.filterwarnings('ignore', message='.*non-interactive.*')
    warnings.filterwarnings('ignore', message='.*Matplotlib is currently using agg.*')
    os.chdir(work_dir)
    sys.path.insert(0, work_dir)
    sys.argv = ['main.py']
    with open(main_path, encoding='utf-8') as source_file:
        source = source_file.read()
    namespace = {'__name__': '__main__', '__file__': 'main.py', '__builtins__': __builtins__}
    status = 0
    try:
        exec(compile(source, 'main.py', 'exec'), namespace)
    except SystemExit as error:
        if isinstance(error.code, int):
            status = error.code
        elif error.code is not None:
            print(error.code, file=sys.stderr)
            status = 1
    except MemoryError as error:
        _print_user_traceback(error)
        status = MEMORY_ERROR_EXIT
    except BaseException as error:
        _print_user_traceback(error)
        status = 1
    try:
        _save_figures(plots_dir, max_plots)
    except MemoryError:
        status = MEMORY_ERROR_EXIT
    sys.stdout.flush()
    sys.stderr.flush()
    return status


if __name__ == '__main__':
    os._exit(run(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))
`;
