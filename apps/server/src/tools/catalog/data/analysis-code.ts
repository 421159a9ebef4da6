/**
 * The pandas/matplotlib code analyze_data generates for each analysis type. Each part prints a titled section
 * and may leave a figure open (the sandbox returns open figures as plots). Names of our own start with `_`
 * so a custom `python_code` run afterwards sees only `df`, `pd`, `np` and `plt`.
 */
export const analysisTypes = ['summary', 'correlation', 'trend', 'distribution', 'outliers', 'full'] as const;
export type AnalysisType = (typeof analysisTypes)[number];

export const analysisPrelude = `
import warnings
warnings.filterwarnings('ignore')
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
pd.set_option('display.width', 160)
pd.set_option('display.max_columns', 30)
pd.set_option('display.max_colwidth', 40)

def _fmt(value):
    try:
        return format(float(value), '.4g')
    except (TypeError, ValueError):
        return str(value)
`;

const summary = `
print('\\n== Summary ==')
print(f'{len(df)} rows x {len(df.columns)} columns')
print('\\nColumn types:')
print(df.dtypes.astype(str).to_string())
print('\\nFirst rows:')
print(df.head(5).to_string())
print('\\nStatistics:')
print(df.describe(include='all').transpose().to_string())
_missing = df.isna().sum()
_missing = _missing[_missing > 0]
print('\\nMissing values:')
print(_missing.to_string() if len(_missing) else 'none')
`;

const correlation = `
print('\\n== Correlation ==')
_numeric = df.select_dtypes('number')
if _numeric.shape[1] < 2:
    print('Correlation needs at least two numeric columns.')
else:
    _corr = _numeric.corr()
    print(_corr.round(3).to_string())
    _pairs = _corr.where(np.triu(np.ones(_corr.shape, dtype=bool), k=1)).stack()
    _pairs = _pairs.reindex(_pairs.abs().sort_values(ascending=False).index)
    print('\\nStrongest pairs:')
    for (_left, _right), _value in _pairs.head(10).items():
        print(f'{_left} ~ {_right}: {_value:.3f}')
    _size = min(12, 3 + 0.6 * len(_corr))
    _fig, _ax = plt.subplots(figsize=(_size, _size * 0.8))
    _image = _ax.imshow(_corr.values, cmap='coolwarm', vmin=-1, vmax=1)
    _ax.set_xticks(range(len(_corr)), labels=[str(c) for c in _corr.columns], rotation=45, ha='right')
    _ax.set_yticks(range(len(_corr)), labels=[str(c) for c in _corr.columns])
    if len(_corr) <= 12:
        for _i in range(len(_corr)):
            for _j in range(len(_corr)):
                _ax.text(_j, _i, f'{_corr.values[_i, _j]:.2f}', ha='center', va='center', fontsize=8)
    _fig.colorbar(_image, ax=_ax)
    _ax.set_title('Correlation matrix')
    _fig.tight_layout()
`;

const trend = `
print('\\n== Trend ==')
_time = next((c for c in df.columns if pd.api.types.is_datetime64_any_dtype(df[c])), None)
if _time is None:
    for _column in df.columns:
        if df[_column].dtype == object:
            _parsed = pd.to_datetime(df[_column], errors='coerce')
            if _parsed.notna().mean() >= 0.8:
                df[_column] = _parsed
                _time = _column
                break
_values = [c for c in df.select_dtypes('number').columns if c != _time][:6]
if not _values:
    print('A trend needs at least one numeric column.')
else:
    _data = df.sort_values(_time).reset_index(drop=True) if _time is not None else df.reset_index(drop=True)
    _x = _data[_time] if _time is not None else pd.Series(range(len(_data)))
    print(f'Ordered by {_time}' if _time is not None else 'Ordered by row (no date column found)')
    for _column in _values:
        _series = _data[_column].dropna()
        if len(_series) < 2:
            print(f'{_column}: too few values')
            continue
        _first, _last = float(_series.iloc[0]), float(_series.iloc[-1])
        _slope = np.polyfit(np.arange(len(_series)), _series.values.astype(float), 1)[0]
        _change = f'{(_last - _first) / abs(_first) * 100:+.1f}%' if _first != 0 else 'n/a'
        _direction = 'rising' if _slope > 0 else 'falling' if _slope < 0 else 'flat'
        print(f'{_column}: first {_fmt(_first)}, last {_fmt(_last)}, change {_change}, slope per step {_slope:+.4g} ({_direction})')
    _fig, _ax = plt.subplots(figsize=(10, 5))
    for _column in _values:
        _ax.plot(_x.values, _data[_column].values, label=str(_column))
        if len(_data) >= 7:
            _window = max(3, len(_data) // 10)
            _ax.plot(_x.values, _data[_column].rolling(_window, min_periods=1).mean().values, linestyle='--', alpha=0.6, label=f'{_column} (rolling mean)')
    _ax.set_xlabel(str(_time) if _time is not None else 'row')
    _ax.legend()
    _ax.set_title('Trend')
    _fig.autofmt_xdate()
    _fig.tight_layout()
`;

const distribution = `
print('\\n== Distribution ==')
_numeric = df.select_dtypes('number')
_columns = list(_numeric.columns[:9])
for _column in _columns:
    _series = _numeric[_column].dropna()
    print(f'{_column}: mean {_fmt(_series.mean())}, median {_fmt(_series.median())}, std {_fmt(_series.std())}, '
          f'min {_fmt(_series.min())}, max {_fmt(_series.max())}, skew {_fmt(_series.skew())}')
for _column in [c for c in df.columns if c not in _numeric.columns][:5]:
    _distinct = df[_column].nunique()
    if _distinct > 0.9 * len(df) and len(df) > 10:
        print(f'\\n{_column}: {_distinct} distinct values (an identifier or date, no frequent values)')
        continue
    print(f'\\n{_column} (most frequent values):')
    print(df[_column].astype(str).value_counts().head(10).to_string())
if _columns:
    _count = len(_columns)
    _width = min(3, _count)
    _height = (_count + _width - 1) // _width
    _fig, _axes = plt.subplots(_height, _width, figsize=(4 * _width, 3 * _height), squeeze=False)
    for _ax, _column in zip(_axes.flat, _columns):
        _ax.hist(_numeric[_column].dropna(), bins=20, color='steelblue', edgecolor='white')
        _ax.set_title(str(_column))
    for _ax in list(_axes.flat)[_count:]:
        _ax.axis('off')
    _fig.suptitle('Distributions')
    _fig.tight_layout()
`;

const outliers = `
print('\\n== Outliers (outside 1.5 x IQR) ==')
_numeric = df.select_dtypes('number')
if _numeric.shape[1] == 0:
    print('Outlier detection needs numeric columns.')
for _column in _numeric.columns[:20]:
    _series = _numeric[_column].dropna()
    if len(_series) < 4:
        continue
    _q1, _q3 = _series.quantile(0.25), _series.quantile(0.75)
    _low, _high = _q1 - 1.5 * (_q3 - _q1), _q3 + 1.5 * (_q3 - _q1)
    _outside = _series[(_series < _low) | (_series > _high)]
    _examples = ', '.join(_fmt(value) for value in _outside.head(5))
    print(f'{_column}: {len(_outside)} outlier(s) outside [{_fmt(_low)}, {_fmt(_high)}]' + (f'; e.g. {_examples}' if len(_outside) else ''))
if _numeric.shape[1] > 0:
    _columns = list(_numeric.columns[:10])
    _fig, _ax = plt.subplots(figsize=(max(6, 1.2 * len(_columns)), 5))
    _ax.boxplot([_numeric[_column].dropna() for _column in _columns], labels=[str(c) for c in _columns])
    plt.setp(_ax.get_xticklabels(), rotation=30, ha='right')
    _ax.set_title('Outliers (box plot)')
    _fig.tight_layout()
`;

const sections: Record<Exclude<AnalysisType, 'full'>, string> = { summary, correlation, trend, distribution, outliers };

/** The generated code of one analysis type (`full` is every section in turn). */
export function analysisCode(type: AnalysisType): string {
  return type === 'full' ? Object.values(sections).join('\n') : sections[type];
}
