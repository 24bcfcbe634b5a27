/**
 * Training and evaluating intent models outside the engine: labelled {@link ModelTrainer.Example examples}
 * read from a {@link Csv}, split into cross-validation {@link Folds}, trained by {@link ModelTrainer} into an
 * {@link IntentModel} and written as a signal-model bundle ({@link ModelBundleFormat}) that the intent detector
 * picks up. {@link TrainCommand} is {@code tandem signals train}; {@link TrainAll} trains the shipped models.
 */
@Export
@Version("1.0.0")
package dev.tandem.signals.intent.training;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
