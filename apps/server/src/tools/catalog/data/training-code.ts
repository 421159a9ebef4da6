/**
 * The scikit-learn program train_model runs in the sandbox. Parameters arrive as one JSON string literal
 * (JSON strings are valid Python string literals); the metrics leave as one marked JSON line on stdout.
 */
export const metricsMarker = '__CLARAVERSE_METRICS__';

export const taskTypes = ['classification', 'regression', 'clustering'] as const;
export const modelTypes = ['random_forest', 'logistic_regression', 'linear_regression', 'decision_tree', 'kmeans', 'dbscan'] as const;
export type TaskType = (typeof taskTypes)[number];
export type ModelType = (typeof modelTypes)[number];

export interface TrainingParameters {
  task: TaskType;
  model: ModelType;
  target: string | null;
  features: string[] | null;
  testSize: number;
  clusters: number;
}

const program = `
import json, warnings
warnings.filterwarnings('ignore')
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn import metrics as _metrics
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline

_p = json.loads(PARAMETERS)
_task, _model_type, _target = _p['task'], _p['model'], _p['target']

def _stop(message):
    raise SystemExit(message)

if _target is not None and _target not in df.columns:
    _stop(f"The target column {_target!r} does not exist. The columns are: {', '.join(map(str, df.columns))}")
_features = _p['features'] or [c for c in df.columns if c != _target]
_unknown = [c for c in _features if c not in df.columns]
if _unknown:
    _stop(f"Unknown feature column(s): {', '.join(_unknown)}. The columns are: {', '.join(map(str, df.columns))}")
if _target is not None:
    df = df.dropna(subset=[_target])
_X = df[_features].copy()
# Free text and identifiers would explode into thousands of one-hot columns: they are left out.
_dropped = [c for c in _X.columns if _X[c].dtype == object and _X[c].nunique() > 50]
_X = _X.drop(columns=_dropped)
_X = pd.get_dummies(_X, dtype=float)
_X = _X.fillna(_X.median(numeric_only=True)).fillna(0)
if _X.shape[1] == 0:
    _stop('No usable feature columns are left (text columns with more than 50 distinct values are skipped).')
if len(_X) < 5:
    _stop(f'Only {len(_X)} usable rows: at least 5 are needed to train a model.')
print(f'Rows: {len(_X)}, features after encoding: {_X.shape[1]}' + (f" (skipped text columns: {', '.join(_dropped)})" if _dropped else ''))

def _make_model():
    from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
    from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
    from sklearn.linear_model import LinearRegression, LogisticRegression
    from sklearn.cluster import DBSCAN, KMeans
    if _model_type == 'random_forest':
        return (RandomForestClassifier if _task == 'classification' else RandomForestRegressor)(n_estimators=100, random_state=42, n_jobs=1)
    if _model_type == 'decision_tree':
        return (DecisionTreeClassifier if _task == 'classification' else DecisionTreeRegressor)(random_state=42, max_depth=8)
    if _model_type == 'logistic_regression':
        return make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    if _model_type == 'linear_regression':
        return make_pipeline(StandardScaler(), LinearRegression())
    if _model_type == 'kmeans':
        return KMeans(n_clusters=_p['clusters'], n_init=10, random_state=42)
    return DBSCAN(eps=0.5, min_samples=5)

_model = _make_model()
_result = {'task': _task, 'model': _model_type, 'rows': int(len(_X)), 'features': int(_X.shape[1])}

def _importances(model, columns):
    estimator = model.steps[-1][1] if hasattr(model, 'steps') else model
    values = getattr(estimator, 'feature_importances_', None)
    if values is None and hasattr(estimator, 'coef_'):
        values = np.abs(np.atleast_2d(estimator.coef_)).mean(axis=0)
    if values is None:
        return None
    return pd.Series(values, index=columns).sort_values(ascending=False).head(10)

if _task == 'classification':
    _y = df[_target].astype(str)
    if _y.nunique() < 2:
        _stop(f'The target column {_target!r} has only one class; classification needs at least two.')
    _stratify = _y if _y.value_counts().min() >= 2 else None
    _X_train, _X_test, _y_train, _y_test = train_test_split(_X, _y, test_size=_p['testSize'], random_state=42, stratify=_stratify)
    _model.fit(_X_train, _y_train)
    _predicted = _model.predict(_X_test)
    _result.update({
        'accuracy': round(float(_metrics.accuracy_score(_y_test, _predicted)), 4),
        'precision_weighted': round(float(_metrics.precision_score(_y_test, _predicted, average='weighted', zero_division=0)), 4),
        'recall_weighted': round(float(_metrics.recall_score(_y_test, _predicted, average='weighted', zero_division=0)), 4),
        'f1_weighted': round(float(_metrics.f1_score(_y_test, _predicted, average='weighted', zero_division=0)), 4),
        'classes': sorted(map(str, _y.unique()))[:50], 'train_rows': int(len(_X_train)), 'test_rows': int(len(_X_test)),
    })
    print(_metrics.classification_report(_y_test, _predicted, zero_division=0))
    _labels = sorted(_y.unique())[:20]
    _matrix = _metrics.confusion_matrix(_y_test, _predicted, labels=_labels)
    _fig, _ax = plt.subplots(figsize=(min(10, 3 + 0.5 * len(_labels)), min(8, 2.5 + 0.5 * len(_labels))))
    _metrics.ConfusionMatrixDisplay(_matrix, display_labels=_labels).plot(ax=_ax, colorbar=False)
    _ax.set_title(f'Confusion matrix ({_model_type})')
    _fig.tight_layout()
elif _task == 'regression':
    _y = pd.to_numeric(df[_target], errors='coerce')
    _keep = _y.notna()
    if _keep.sum() < 5:
        _stop(f'The target column {_target!r} has fewer than 5 numeric values; regression needs a numeric target.')
    _X_train, _X_test, _y_train, _y_test = train_test_split(_X[_keep], _y[_keep], test_size=_p['testSize'], random_state=42)
    _model.fit(_X_train, _y_train)
    _predicted = _model.predict(_X_test)
    _result.update({
        'r2': round(float(_metrics.r2_score(_y_test, _predicted)), 4),
        'mae': round(float(_metrics.mean_absolute_error(_y_test, _predicted)), 4),
        'rmse': round(float(np.sqrt(_metrics.mean_squared_error(_y_test, _predicted))), 4),
        'train_rows': int(len(_X_train)), 'test_rows': int(len(_X_test)),
    })
    _fig, _ax = plt.subplots(figsize=(6, 6))
    _ax.scatter(_y_test, _predicted, alpha=0.7)
    _bounds = [min(_y_test.min(), _predicted.min()), max(_y_test.max(), _predicted.max())]
    _ax.plot(_bounds, _bounds, 'r--', label='perfect prediction')
    _ax.set_xlabel(f'actual {_target}')
    _ax.set_ylabel(f'predicted {_target}')
    _ax.set_title(f'Predicted vs actual ({_model_type}, R\u00b2 = {_result["r2"]:.3f})')
    _ax.legend()
    _fig.tight_layout()
else:
    from sklearn.decomposition import PCA
    _scaled = StandardScaler().fit_transform(_X)
    _labels = _model.fit_predict(_scaled)
    _clusters = sorted(set(int(label) for label in _labels if label != -1))
    _result.update({'clusters': len(_clusters), 'noise_points': int((_labels == -1).sum()),
                    'cluster_sizes': {str(label): int((_labels == label).sum()) for label in _clusters}})
    if 1 < len(_clusters) < len(_X):
        _result['silhouette'] = round(float(_metrics.silhouette_score(_scaled, _labels)), 4)
    _points = PCA(n_components=2).fit_transform(_scaled) if _scaled.shape[1] >= 2 else np.column_stack([_scaled[:, 0], np.zeros(len(_scaled))])
    _fig, _ax = plt.subplots(figsize=(7, 6))
    _scatter = _ax.scatter(_points[:, 0], _points[:, 1], c=_labels, cmap='tab10', alpha=0.8)
    _ax.legend(*_scatter.legend_elements(), title='cluster')
    _ax.set_title(f'Clusters ({_model_type}, 2-D projection)')
    _fig.tight_layout()

if _task != 'clustering':
    _top = _importances(_model, _X.columns)
    if _top is not None:
        _result['top_features'] = {str(name): round(float(value), 4) for name, value in _top.items()}
        print('Most important features:')
        print(_top.round(4).to_string())
        _fig, _ax = plt.subplots(figsize=(7, 0.4 * len(_top) + 1.5))
        _ax.barh([str(name) for name in _top.index[::-1]], _top.values[::-1])
        _ax.set_title('Feature importance')
        _fig.tight_layout()

print('${metricsMarker}' + json.dumps(_result))
`;

/** The training program for these parameters, to run after the code that loads `df`. */
export function trainingCode(parameters: TrainingParameters): string {
  // A function replacement: a `$` in a column name must not be read as a replacement pattern.
  return program.replace('PARAMETERS', () => JSON.stringify(JSON.stringify(parameters)));
}
