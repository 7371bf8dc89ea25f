/**
 * Classes laid out like Optline's modules, some of which break the architecture rules on purpose, so
 * that {@code ArchitectureRulesTest} can check that each rule reports exactly the classes that break it.
 *
 * <p>{@code alpha} and {@code beta} are modules, {@code platform} the shared kernel and {@code app} the
 * app. The Javadoc of each class names the rule it breaks, if any. Nothing here is part of the WAR.
 */
package org.optline.app.archfixture;
