/** Tests of the deployment files: compose, images, Kubernetes manifests, monitoring. */
package io.channelops.deploy;
