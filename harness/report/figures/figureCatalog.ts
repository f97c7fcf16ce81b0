/**
 * Every figure of the report, in report order. To add a figure: write a module here exporting a
 * `FigureDefinition` (copy the closest one) and list it here.
 */
import type { FigureDefinition } from '../figureDefinition.js';
import { benchmarkAnytimeFigure } from './benchmarkAnytime.js';
import { benchmarkGapsFigure } from './benchmarkGaps.js';
import { calibrationGaFigure } from './calibrationGa.js';
import { calibrationLsFigure } from './calibrationLs.js';
import { convergenceFigure } from './convergence.js';
import { criticalDifferenceFigure } from './criticalDifference.js';
import { fitnessScalingFigure } from './fitnessScaling.js';
import { maxFitnessFigure } from './maxFitness.js';
import { reevaluationFigure } from './reevaluation.js';
import { runtimeScalingFigure } from './runtimeScaling.js';
import { scheduleGanttFigure } from './scheduleGantt.js';
import { trafficConsumptionFigure } from './trafficConsumption.js';

export const figureCatalog: readonly FigureDefinition[] = [
  trafficConsumptionFigure,
  fitnessScalingFigure,
  runtimeScalingFigure,
  convergenceFigure,
  maxFitnessFigure,
  reevaluationFigure,
  criticalDifferenceFigure,
  calibrationGaFigure,
  calibrationLsFigure,
  scheduleGanttFigure,
  benchmarkGapsFigure,
  benchmarkAnytimeFigure,
];
